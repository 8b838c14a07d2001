package org.opencrm.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.opencrm.ui.Messages;

/** The module manager's FAILED reasons (its sentences, as ModuleStates writes them) are said in Chinese. */
class ModuleReasonsTest {
    private static final List<String> REASONS = List.of(
            "needs module handset-registry, which is not active",
            "needs modules handset-registry, repair-parts, which are not active",
            "its descriptor (a CrmModule service with id 'acme-warranty') is not registered",
            "could not be installed: acme-warranty 1.0.0 needs package org.opencrm.platform.api.scope version 2.0.0 or later, below 3.0.0; "
                    + "this installation provides version 1.0.0 (the module was built for a newer platform: update the platform or get a build of the module for this one)",
            "could not be installed: acme-warranty 1.0.0 needs package com.acme.lib; this installation provides no such package (a module or library it needs is missing)",
            "could not be installed: acme-warranty 1.0.0 needs a service org.opencrm.platform.api.audit.AuditTrail that no installed module or library provides",
            "could not be installed: crm-acme 1.0.0 needs acme-lib, which is neither installed nor in the package",
            "component WarrantyService failed to activate: java.lang.IllegalStateException: boom; needs module repair-parts, which is not active",
            "component ChannelSchema failed to activate: the schema of module channel-finance could not be upgraded to version 2 (day settled of old invoices):"
                    + " ERROR: relation CF_ALLOCATION does not exist; it stays at the previous version and the step is retried at the next start");

    @Test
    void everyKnownReasonIsSaidInChinese() {
        Messages zh = Messages.of(ModuleReasons.class, CrmUI.MESSAGES, Locale.SIMPLIFIED_CHINESE);
        for (String reason : REASONS) {
            String said = ModuleReasons.say(zh, reason);
            // what is left in Latin letters are names (modules, packages, classes, versions) and the exception's own text
            String words = said.replaceAll("[\\w.$-]*(\\.|-|\\d)[\\w.$-]*", "").replaceAll("IllegalStateException|boom|CrmModule|WarrantyService|AuditTrail|ChannelSchema|day settled of old invoices"
                    + "|ERROR: relation CF_ALLOCATION does not exist", "");
            assertFalse(words.matches("(?s).*\\b(needs|which|installed|provides|not|could|component|active|descriptor|version|package)\\b.*"),
                    "English left in: " + said);
        }
        assertEquals("需要模块 handset-registry，但它未启用", ModuleReasons.say(zh, REASONS.get(0)));
        assertEquals("组件 ChannelSchema 启动失败：模块 channel-finance 的数据库结构未能升级到第 2 版（day settled of old invoices）："
                + "ERROR: relation CF_ALLOCATION does not exist；数据库保持在上一版，下次启动时重试这一步", ModuleReasons.say(zh, REASONS.get(REASONS.size() - 1)));
    }

    @Test
    void englishStaysTheManagersWords() {
        Messages en = Messages.of(ModuleReasons.class, CrmUI.MESSAGES, Locale.ENGLISH);
        REASONS.forEach(r -> assertEquals(r, ModuleReasons.say(en, r)));
    }
}
