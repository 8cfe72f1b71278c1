-- The evaluation engine's data: a template (评价标准) in classes (类) of criteria (细则), each with its points, the
-- evidence it asks for, the standard it serves and where its mark comes from (an inspection on site, the files, or the
-- whistle loop's figures). Generic on purpose: party branches' standards are to be templates of the same tables.
CREATE TABLE template (
    code         varchar(32)  PRIMARY KEY,
    name         varchar(100) NOT NULL,
    subject      varchar(20)  NOT NULL CHECK (subject IN ('PROPERTY_COMPANY', 'PARTY_BRANCH')),
    source_note  varchar(300) NOT NULL
);
CREATE TABLE template_class (
    template_code varchar(32)  NOT NULL REFERENCES template (code),
    code          varchar(8)   NOT NULL,
    name          varchar(50)  NOT NULL,
    position      integer      NOT NULL,
    PRIMARY KEY (template_code, code)
);
CREATE TABLE criterion (
    template_code varchar(32)  NOT NULL,
    code          varchar(8)   NOT NULL,
    class_code    varchar(8)   NOT NULL,
    standard      varchar(12)  NOT NULL,
    text          varchar(200) NOT NULL,
    points        integer      NOT NULL CHECK (points > 0),
    evidence      varchar(100) NOT NULL,
    source        varchar(12)  NOT NULL CHECK (source IN ('INSPECTION', 'DOCUMENT', 'LOOP')),
    position      integer      NOT NULL,
    PRIMARY KEY (template_code, code),
    FOREIGN KEY (template_code, class_code) REFERENCES template_class (template_code, code)
);

-- 三强三好 (seed 003: 党建强、队伍强、机制强，服务好、治理好、反响好，细化3类52条评价细则). The structure — 3 classes, 52
-- criteria, the six standards — is the seed's; the wording and the points (100 in all) are ours.
INSERT INTO template (code, name, subject, source_note) VALUES
    ('SANQIANG_SANHAO', '“三强三好”红岩先锋物业评价标准', 'PROPERTY_COMPANY',
     '结构依据巴南区“三强三好”标准（3类52条）；细则文字与分值为本平台拟定');
INSERT INTO template_class (template_code, code, name, position) VALUES
    ('SANQIANG_SANHAO', 'A', '党建引领（党建强·队伍强·机制强）', 1),
    ('SANQIANG_SANHAO', 'B', '服务管理（服务好·治理好）', 2),
    ('SANQIANG_SANHAO', 'C', '群众评价（反响好）', 3);
INSERT INTO criterion (template_code, code, class_code, standard, text, points, evidence, source, position) VALUES
    ('SANQIANG_SANHAO', 'A01', 'A', 'PARTY', '符合条件的建立党组织，暂不具备条件的选派党建指导员或招聘党员员工，实现党的工作覆盖', 2, '党组织批复或指导员选派文件', 'DOCUMENT', 1),
    ('SANQIANG_SANHAO', 'A02', 'A', 'PARTY', '党组织按期开展“三会一课”和主题党日', 2, '会议记录', 'DOCUMENT', 2),
    ('SANQIANG_SANHAO', 'A03', 'A', 'PARTY', '物业服务中心设党群服务站（点），标识标牌规范', 2, '现场照片', 'INSPECTION', 3),
    ('SANQIANG_SANHAO', 'A04', 'A', 'PARTY', '党员员工亮身份，设党员示范岗', 1, '现场照片', 'INSPECTION', 4),
    ('SANQIANG_SANHAO', 'A05', 'A', 'PARTY', '企业负责人每季度向社区党组织报告工作', 1, '沟通记录', 'DOCUMENT', 5),
    ('SANQIANG_SANHAO', 'A06', 'A', 'PARTY', '参与社区共驻共建，认领并完成项目', 2, '共建协议、认领清单', 'DOCUMENT', 6),
    ('SANQIANG_SANHAO', 'A07', 'A', 'TEAM', '项目经理、客服等关键岗位持证上岗', 2, '证书', 'DOCUMENT', 7),
    ('SANQIANG_SANHAO', 'A08', 'A', 'TEAM', '配备“红色管家”，公示姓名、照片和联系方式', 2, '公示栏照片', 'INSPECTION', 8),
    ('SANQIANG_SANHAO', 'A09', 'A', 'TEAM', '员工每年参加业务和政策培训不少于2次', 1, '培训记录', 'DOCUMENT', 9),
    ('SANQIANG_SANHAO', 'A10', 'A', 'TEAM', '保安、保洁人员在岗人数符合合同约定', 2, '排班表、现场点名', 'INSPECTION', 10),
    ('SANQIANG_SANHAO', 'A11', 'A', 'TEAM', '员工统一着装、佩戴工牌、文明服务', 1, '现场照片', 'INSPECTION', 11),
    ('SANQIANG_SANHAO', 'A12', 'A', 'TEAM', '党员员工带头参加志愿服务', 2, '活动记录', 'DOCUMENT', 12),
    ('SANQIANG_SANHAO', 'A13', 'A', 'MECHANISM', '落实物业管理联席会议（居委会、业委会、物业三方联动）制度', 2, '会议纪要', 'DOCUMENT', 13),
    ('SANQIANG_SANHAO', 'A14', 'A', 'MECHANISM', '服务事项、收费标准、投诉电话在显著位置公示', 2, '公示照片', 'INSPECTION', 14),
    ('SANQIANG_SANHAO', 'A15', 'A', 'MECHANISM', '公共收益单独列账并定期公示', 2, '账目公示', 'DOCUMENT', 15),
    ('SANQIANG_SANHAO', 'A16', 'A', 'MECHANISM', '24小时值班，应急预案齐全并定期演练', 2, '值班记录、演练记录', 'INSPECTION', 16),
    ('SANQIANG_SANHAO', 'A17', 'A', 'MECHANISM', '接受业委会和居民监督，按期报告履约情况', 1, '履约报告', 'DOCUMENT', 17),
    ('SANQIANG_SANHAO', 'A18', 'A', 'MECHANISM', '设施设备和维修档案齐全', 1, '档案', 'INSPECTION', 18),
    ('SANQIANG_SANHAO', 'B01', 'B', 'SERVICE', '公共区域每日清扫，无卫生死角', 3, '现场照片', 'INSPECTION', 19),
    ('SANQIANG_SANHAO', 'B02', 'B', 'SERVICE', '生活垃圾分类投放、日产日清', 2, '现场照片', 'INSPECTION', 20),
    ('SANQIANG_SANHAO', 'B03', 'B', 'SERVICE', '绿化养护及时，无黄土裸露、枯死苗木', 2, '现场照片', 'INSPECTION', 21),
    ('SANQIANG_SANHAO', 'B04', 'B', 'SERVICE', '电梯按期维保，维保标识和年检合格证有效', 2, '现场照片', 'INSPECTION', 22),
    ('SANQIANG_SANHAO', 'B05', 'B', 'SERVICE', '消防设施完好，消防通道畅通', 2, '现场照片', 'INSPECTION', 23),
    ('SANQIANG_SANHAO', 'B06', 'B', 'SERVICE', '二次供水设施定期清洗消毒，公示水质', 2, '检测报告、现场照片', 'INSPECTION', 24),
    ('SANQIANG_SANHAO', 'B07', 'B', 'SERVICE', '道路、照明、排水等公共设施完好', 2, '现场照片', 'INSPECTION', 25),
    ('SANQIANG_SANHAO', 'B08', 'B', 'SERVICE', '门岗值守、巡逻到位，外来人员车辆登记', 2, '登记簿、现场照片', 'INSPECTION', 26),
    ('SANQIANG_SANHAO', 'B09', 'B', 'SERVICE', '车辆停放有序，充电设施安全', 2, '现场照片', 'INSPECTION', 27),
    ('SANQIANG_SANHAO', 'B10', 'B', 'SERVICE', '报修30分钟内响应，按约定时限修复', 2, '报修台账', 'DOCUMENT', 28),
    ('SANQIANG_SANHAO', 'B11', 'B', 'SERVICE', '提供代收资料、政策咨询、民事代办等便民服务', 2, '服务台账', 'DOCUMENT', 29),
    ('SANQIANG_SANHAO', 'B12', 'B', 'SERVICE', '定期走访独居老人等特殊群体', 2, '走访记录', 'DOCUMENT', 30),
    ('SANQIANG_SANHAO', 'B13', 'B', 'GOVERNANCE', '配合网格排查调处矛盾纠纷', 3, '调处台账', 'DOCUMENT', 31),
    ('SANQIANG_SANHAO', 'B14', 'B', 'GOVERNANCE', '网格吹哨、单位应哨，交办事项按时办结', 2, '平台记录', 'LOOP', 32),
    ('SANQIANG_SANHAO', 'B15', 'B', 'GOVERNANCE', '违章搭建、占用公共部位及时劝阻并报告', 2, '现场照片', 'INSPECTION', 33),
    ('SANQIANG_SANHAO', 'B16', 'B', 'GOVERNANCE', '电动车入户充电、高空抛物等隐患及时整治', 2, '现场照片', 'INSPECTION', 34),
    ('SANQIANG_SANHAO', 'B17', 'B', 'GOVERNANCE', '外墙、屋面等安全隐患及时排危', 2, '现场照片', 'INSPECTION', 35),
    ('SANQIANG_SANHAO', 'B18', 'B', 'GOVERNANCE', '落实防汛、应急等临时任务', 2, '任务记录', 'DOCUMENT', 36),
    ('SANQIANG_SANHAO', 'B19', 'B', 'GOVERNANCE', '配合文明创建，宣传栏、党建宣传栏规范', 2, '现场照片', 'INSPECTION', 37),
    ('SANQIANG_SANHAO', 'B20', 'B', 'GOVERNANCE', '支持业委会依法成立和换届，配合召开业主大会', 2, '会议记录', 'DOCUMENT', 38),
    ('SANQIANG_SANHAO', 'B21', 'B', 'GOVERNANCE', '装修管理规范，装修垃圾定点堆放', 2, '现场照片', 'INSPECTION', 39),
    ('SANQIANG_SANHAO', 'B22', 'B', 'GOVERNANCE', '小区公示栏设置规范、信息及时更新', 2, '现场照片', 'INSPECTION', 40),
    ('SANQIANG_SANHAO', 'B23', 'B', 'GOVERNANCE', '物业费调整等事项经议事协商', 2, '协商记录', 'DOCUMENT', 41),
    ('SANQIANG_SANHAO', 'B24', 'B', 'GOVERNANCE', '上月检查发现的问题已整改到位', 2, '整改记录、现场照片', 'INSPECTION', 42),
    ('SANQIANG_SANHAO', 'C01', 'C', 'RESPONSE', '业主满意度测评满意率不低于90%', 2, '测评结果', 'DOCUMENT', 43),
    ('SANQIANG_SANHAO', 'C02', 'C', 'RESPONSE', '网格事件回访满意率', 2, '平台记录', 'LOOP', 44),
    ('SANQIANG_SANHAO', 'C03', 'C', 'RESPONSE', '有效投诉按期办结率', 2, '平台记录', 'LOOP', 45),
    ('SANQIANG_SANHAO', 'C04', 'C', 'RESPONSE', '无重大安全责任事故', 2, '情况说明', 'DOCUMENT', 46),
    ('SANQIANG_SANHAO', 'C05', 'C', 'RESPONSE', '无群体性投诉、越级上访', 2, '信访记录', 'DOCUMENT', 47),
    ('SANQIANG_SANHAO', 'C06', 'C', 'RESPONSE', '物业费收缴率不低于85%', 2, '收费台账', 'DOCUMENT', 48),
    ('SANQIANG_SANHAO', 'C07', 'C', 'RESPONSE', '获表扬信、锦旗或媒体正面报道', 2, '证明材料', 'DOCUMENT', 49),
    ('SANQIANG_SANHAO', 'C08', 'C', 'RESPONSE', '“红色管家”服务获居民好评', 2, '评价记录', 'DOCUMENT', 50),
    ('SANQIANG_SANHAO', 'C09', 'C', 'RESPONSE', '业委会对履约情况评价良好', 2, '业委会意见', 'DOCUMENT', 51),
    ('SANQIANG_SANHAO', 'C10', 'C', 'RESPONSE', '参与社区公益活动获社区认可', 2, '社区意见', 'DOCUMENT', 52);
