package org.zhizhi.property;

/** Where a criterion's mark comes from: an inspection on site, the files at the assessment, the whistle loop's figures. */
public enum CriterionSource {
	INSPECTION, DOCUMENT, LOOP
}
