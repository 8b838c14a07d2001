/**
 * The platform's two languages and a module's texts in one of them, for services as well as screens: printed
 * documents, timeline and reference captions, refusals. No UI toolkit here; the shell's {@code org.opencrm.ui.Messages}
 * is the same texts for screens.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.opencrm.platform.api.i18n;
