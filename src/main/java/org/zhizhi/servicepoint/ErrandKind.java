package org.zhizhi.servicepoint;


/** A kind of errand (data: 水电气费代缴, 退休人员资格认证 …). */
public record ErrandKind(String code, String nameZh, String nameEn) {
}
