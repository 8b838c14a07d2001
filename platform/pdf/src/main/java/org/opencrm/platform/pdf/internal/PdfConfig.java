package org.opencrm.platform.pdf.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opencrm.pdf.cfg */
@ObjectClassDefinition(id = PdfDocumentsImpl.PID, name = "PDF documents", description = "The font of printable documents")
public @interface PdfConfig {
    @AttributeDefinition(description = "Font files with Chinese glyphs, the first readable one is used: TrueType (.ttf) or a TrueType collection (.ttc)")
    String[] fontFiles() default { "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc" };
}
