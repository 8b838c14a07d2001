package org.opencrm.platform.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service (since 1.4): where a module words its refusals, so that the REST API answers a business error
 * with a message key ({@code CrmException.messageKey()}) in the caller's language (Accept-Language), as the web UI
 * does with the module's {@code Messages}.
 * <p>
 * The resource bundle {@link #baseName()} is loaded with the class loader of the service object's class, in the
 * requested language ({@code <base>_zh_CN.properties}, UTF-8); its entry {@code error.<messageKey>} is a
 * {@link java.text.MessageFormat} pattern with the field at fault as argument 0 and the exception's
 * {@code messageArgs()} as arguments 1, 2, ... (the same entries and arguments the UI's {@code Feedback} uses). A key
 * no registered bundle has keeps the service's English message; the body carries the key either way.
 */
@ConsumerType
public interface RefusalTexts {
    /**
     * The platform's own texts (since 1.7): the rules of the core, security, the REST API's JSON binding and the module
     * manager ({@code required}, {@code tooLong}, {@code notOneOf}, {@code mobile}, record types {@code record.<type>},
     * ...), loaded with this package's class loader. Registered by the platform; a module's texts come first and may
     * use these keys' arguments the same way.
     */
    String PLATFORM = "org.opencrm.platform.rest.refusals";

    /** The resource bundle's base name, e.g. {@code "org.opencrm.module.audit.internal.ui.messages"}. */
    String baseName();
}
