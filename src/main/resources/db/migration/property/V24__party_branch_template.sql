-- The evaluation engine's second template, as V2 promised: the yearly assessment of a party branch (党支部标准化规范化
-- 建设), marked by the street or community party committee from the branch's files. The structure follows the common
-- 五好 headings (班子建设好、党员队伍好、组织生活好、作用发挥好、基础保障好); the wording and the points (100 in all) are
-- ours. The party module assesses against it by code. (Numbered after the self-run half's V20–V23, which shipped.)
INSERT INTO template (code, name, subject, source_note) VALUES
    ('PARTY_BRANCH', '党支部标准化规范化建设年度考评标准', 'PARTY_BRANCH',
     '结构依据“五好”党支部（班子建设好、党员队伍好、组织生活好、作用发挥好、基础保障好）；细则文字与分值为本平台拟定');
INSERT INTO template_class (template_code, code, name, position) VALUES
    ('PARTY_BRANCH', 'A', '班子建设好', 1),
    ('PARTY_BRANCH', 'B', '党员队伍好', 2),
    ('PARTY_BRANCH', 'C', '组织生活好', 3),
    ('PARTY_BRANCH', 'D', '作用发挥好', 4),
    ('PARTY_BRANCH', 'E', '基础保障好', 5);
INSERT INTO criterion (template_code, code, class_code, standard, text, points, evidence, source, position) VALUES
    ('PARTY_BRANCH', 'A01', 'A', 'LEADERSHIP', '支部委员会按期换届，书记、委员配备齐全', 6, '换届批复', 'DOCUMENT', 1),
    ('PARTY_BRANCH', 'A02', 'A', 'LEADERSHIP', '书记年度述职并接受评议', 6, '述职报告', 'DOCUMENT', 2),
    ('PARTY_BRANCH', 'A03', 'A', 'LEADERSHIP', '重大事项经支部委员会集体研究', 8, '会议记录', 'DOCUMENT', 3),
    ('PARTY_BRANCH', 'B01', 'B', 'MEMBERS', '按规定发展党员，程序规范、档案完整', 6, '发展党员档案', 'DOCUMENT', 4),
    ('PARTY_BRANCH', 'B02', 'B', 'MEMBERS', '党员按月足额交纳党费', 6, '党费台账', 'DOCUMENT', 5),
    ('PARTY_BRANCH', 'B03', 'B', 'MEMBERS', '流入党员、在职党员双报到纳入管理', 8, '报到名册', 'DOCUMENT', 6),
    ('PARTY_BRANCH', 'C01', 'C', 'LIFE', '按期召开支部党员大会、支部委员会、党小组会，按时上党课', 10, '会议记录', 'DOCUMENT', 7),
    ('PARTY_BRANCH', 'C02', 'C', 'LIFE', '每月开展主题党日', 6, '活动记录', 'DOCUMENT', 8),
    ('PARTY_BRANCH', 'C03', 'C', 'LIFE', '每年开展民主评议党员，结果运用', 6, '评议结果', 'DOCUMENT', 9),
    ('PARTY_BRANCH', 'C04', 'C', 'LIFE', '每年召开组织生活会，开展批评和自我批评', 4, '会议记录', 'DOCUMENT', 10),
    ('PARTY_BRANCH', 'D01', 'D', 'ROLE', '设立党员示范岗、责任区，党员亮身份、践承诺', 6, '岗位和排班', 'DOCUMENT', 11),
    ('PARTY_BRANCH', 'D02', 'D', 'ROLE', '党员接单办结群众诉求、认领微心愿', 8, '平台记录', 'LOOP', 12),
    ('PARTY_BRANCH', 'D03', 'D', 'ROLE', '党员参加志愿服务、结对帮扶', 6, '服务记录', 'DOCUMENT', 13),
    ('PARTY_BRANCH', 'E01', 'E', 'SUPPORT', '活动阵地“六有”（有场所、有设施、有标志、有党旗、有书报、有制度）', 8, '现场照片', 'INSPECTION', 14),
    ('PARTY_BRANCH', 'E02', 'E', 'SUPPORT', '工作台账、会议记录规范齐全', 6, '台账', 'DOCUMENT', 15);
