package org.opencrm.ui.internal;

/** A few rules on top of Valo (which ships compiled; no Sass build). */
final class ShellStyles {
    static final String CSS = """
            .crm-menu { background: #2c3e50; color: #ecf0f1; min-width: 210px; }
            .crm-menu .crm-brand { font-size: 20px; font-weight: 600; padding: 16px; color: #fff; }
            .crm-menu .crm-group { font-size: 12px; text-transform: uppercase; opacity: .7; padding: 12px 16px 4px; }
            .crm-menu .v-button.crm-menu-item { display: block; width: 100%; text-align: left; background: transparent;
                border: none; box-shadow: none; color: #ecf0f1; border-radius: 0; padding-left: 24px; }
            .crm-menu .v-button.crm-menu-item:hover { background: #34495e; }
            .crm-menu .v-button.crm-menu-item.crm-selected { background: #197de1; color: #fff; }
            .crm-topbar { border-bottom: 1px solid #ddd; padding: 6px 16px; background: #fafafa; }
            .crm-content { padding: 16px; }
            .crm-widget { border: 1px solid #e0e0e0; border-radius: 4px; padding: 12px; background: #fff; }
            .crm-widget .crm-count { font-size: 32px; font-weight: 600; color: #197de1; }
            .crm-login { background: #2c3e50; }
            .crm-login-panel { background: #fff; border-radius: 6px; padding: 24px; }
            .crm-muted { color: #777; font-size: 13px; }
            """;

    private ShellStyles() {
    }
}
