package org.opencrm.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.module.ModuleInfo;
import org.opencrm.platform.api.module.ModuleReason;
import org.opencrm.platform.api.module.ModuleState;
import org.opencrm.ui.Messages;

/** A FAILED module's reason said from its message keys and arguments, in Chinese and English, one case per kind of reason. */
class ModuleReasonsTest {
    private final Messages zh = Messages.of(ModuleReasons.class, CrmUI.MESSAGES, Locale.SIMPLIFIED_CHINESE);
    private final Messages en = Messages.of(ModuleReasons.class, CrmUI.MESSAGES, Locale.ENGLISH);

    private static ModuleReason r(String key, String text, String... args) {
        return new ModuleReason(key, List.of(args), text);
    }

    private void says(String chinese, String english, ModuleReason... parts) {
        assertEquals(chinese, ModuleReasons.say(zh, List.of(parts)));
        assertEquals(english, ModuleReasons.say(en, List.of(parts)));
    }

    @Test
    void modulesAndDescriptors() {
        says("需要模块 handset-registry，但它未启用", "needs module handset-registry, which is not active",
                r("needsModule", "", "handset-registry"));
        says("需要模块 handset-registry, repair-parts，但它们未启用", "needs modules handset-registry, repair-parts, which are not active",
                r("needsModules", "", "handset-registry, repair-parts"));
        says("模块描述（id 为“acme-warranty”的 CrmModule 服务）未注册", "its descriptor (a CrmModule service with id 'acme-warranty') is not registered",
                r("noDescriptor", "", "acme-warranty"));
    }

    @Test
    void bundlesAndComponents() {
        says("程序包 mvn:com.acme/x/1.0 未安装", "bundle mvn:com.acme/x/1.0 is not installed", r("bundleNotInstalled", "", "mvn:com.acme/x/1.0"));
        says("程序包 com.acme.x 处于 RESOLVED 状态", "bundle com.acme.x is RESOLVED", r("bundleState", "", "com.acme.x", "RESOLVED"));
        says("组件 WarrantyService 正在等待服务 org.opencrm.platform.api.audit.AuditTrail",
                "component WarrantyService waits for service org.opencrm.platform.api.audit.AuditTrail",
                r("waitsForService", "", "WarrantyService", "org.opencrm.platform.api.audit.AuditTrail"));
        says("组件 WarrantyService 正在等待配置 com.acme.warranty", "component WarrantyService waits for configuration com.acme.warranty",
                r("waitsForConfiguration", "", "WarrantyService", "com.acme.warranty"));
        says("组件 WarrantyService 启动失败：boom；需要模块 repair-parts，但它未启用",
                "component WarrantyService failed to activate: boom; needs module repair-parts, which is not active",
                r("componentFailed", "", "WarrantyService", "boom"), r("needsModule", "", "repair-parts"));
        says("组件 ChannelSchema 启动失败：模块 channel-finance 的数据库结构未能升级到第 2 版（day settled of old invoices）："
                + "ERROR: relation CF_ALLOCATION does not exist；数据库保持在上一版，下次启动时重试这一步",
                "component ChannelSchema failed to activate: the schema of module channel-finance could not be upgraded to version 2 (day settled of old"
                        + " invoices): ERROR: relation CF_ALLOCATION does not exist; it stays at the previous version and the step is retried at the next start",
                r("schemaFailed", "", "ChannelSchema", "channel-finance", "2", "day settled of old invoices", "ERROR: relation CF_ALLOCATION does not exist"));
    }

    @Test
    void installFailures() {
        says("无法安装：acme-warranty 1.0.0 需要软件包 org.opencrm.platform.api.scope（版本 2.0.0 或更高，低于 3.0.0）；本系统提供的版本为 1.0.0"
                + "（该模块是为更新的平台构建的：请升级平台，或获取适用于本平台的模块版本）",
                "could not be installed: acme-warranty 1.0.0 needs package org.opencrm.platform.api.scope version 2.0.0 or later, below 3.0.0; "
                        + "this installation provides version 1.0.0 (the module was built for a newer platform: update the platform or get a build of the module for this one)",
                r("needsPackageRange", "", "acme-warranty 1.0.0", "org.opencrm.platform.api.scope", "2.0.0", "3.0.0"), r("olderPlatform", "", "1.0.0"));
        says("无法安装：x 1.0 需要软件包 com.acme.lib（版本 1.2 或更高）；本系统提供的版本为 1.3", "could not be installed: x 1.0 needs package com.acme.lib version 1.2 or later; "
                + "this installation provides version 1.3", r("needsPackageFrom", "", "x 1.0", "com.acme.lib", "1.2"), r("providedVersion", "", "1.3"));
        says("无法安装：x 1.0 需要软件包 com.acme.lib（版本低于 2）；本系统没有提供此软件包（缺少它所需的模块或库）",
                "could not be installed: x 1.0 needs package com.acme.lib, below 2; this installation provides no such package (a module or library it needs is missing)",
                r("needsPackageBelow", "", "x 1.0", "com.acme.lib", "2"), r("noSuchPackage", ""));
        says("无法安装：x 1.0 需要软件包 com.acme.lib", "could not be installed: x 1.0 needs package com.acme.lib", r("needsPackage", "", "x 1.0", "com.acme.lib"));
        says("无法安装：acme-warranty 1.0.0 需要服务 org.opencrm.platform.api.audit.AuditTrail，但没有已安装的模块或库提供",
                "could not be installed: acme-warranty 1.0.0 needs a service org.opencrm.platform.api.audit.AuditTrail that no installed module or library provides",
                r("needsService", "", "acme-warranty 1.0.0", "org.opencrm.platform.api.audit.AuditTrail"));
        says("无法安装：crm-acme 1.0.0 需要 acme-lib，但它既未安装，也不在安装包中", "could not be installed: crm-acme 1.0.0 needs acme-lib, which is neither installed nor in the package",
                r("needsBundle", "", "crm-acme 1.0.0", "acme-lib"));
        says("无法安装：x 1.0 需要 osgi.ee (osgi.ee=JavaSE)，但没有已安装的组件提供", "could not be installed: x 1.0 needs osgi.ee (osgi.ee=JavaSE), which nothing installed provides",
                r("needsOther", "", "x 1.0", "osgi.ee (osgi.ee=JavaSE)"));
        says("无法安装：Unable to resolve", "could not be installed: Unable to resolve", r("notInstalled", "", "Unable to resolve"));
    }

    @Test
    void aReasonKnownOnlyAsTextOrByAnUnknownKeyIsShownAsWritten() {
        ModuleInfo old = new ModuleInfo("x", "X", "1", ModuleState.FAILED, "something new went wrong", List.of(), "crm-x");
        assertEquals("something new went wrong", ModuleReasons.say(zh, old));
        assertEquals("a newer manager's words", ModuleReasons.say(zh, List.of(r("fromTheFuture", "a newer manager's words", "1"))));
        assertEquals("", ModuleReasons.say(zh, new ModuleInfo("x", "X", "1", ModuleState.ACTIVE, null, List.of(), "crm-x")));
    }
}
