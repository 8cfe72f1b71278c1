/** What the platform's PDF documents are set in: one way to find and embed a Chinese font, for every module. */
@org.springframework.modulith.NamedInterface("documents")
package org.zhizhi.shared.documents;
