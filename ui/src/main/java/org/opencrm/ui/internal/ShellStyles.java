package org.opencrm.ui.internal;

/** A few rules on top of Valo (which ships compiled; no Sass build). */
final class ShellStyles {
    static final String CSS = """
            .v-csslayout.crm-shell { display: flex; flex-direction: row; }
            .crm-shell > .crm-menu { flex: 0 0 220px; width: 220px; height: 100%; overflow-y: auto; overflow-x: hidden;
                -webkit-overflow-scrolling: touch; overscroll-behavior: contain; }
            .crm-shell > .crm-main { flex: 1 1 auto; min-width: 0; }
            .crm-shell.crm-menu-toggled > .crm-menu { display: none; }
            .crm-menu { background: #2c3e50; color: #ecf0f1; }
            .crm-topbar .v-button.crm-menu-toggle { font-size: 20px; padding: 0 12px; }
            .crm-topbar .crm-header-search { max-width: 460px; }
            .crm-menu .crm-badge { display: inline-block; min-width: 18px; padding: 0 6px; margin-left: 6px; border-radius: 9px;
                background: #e74c3c; color: #fff; font-size: 12px; line-height: 18px; text-align: center; }
            .crm-topbar .crm-who { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
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
            .crm-confirm-consequence { max-width: 520px; }
            /* a record's facts in captioned columns side by side (a CssLayout of FormLayouts styled crm-facts) */
            .v-csslayout > .crm-facts { display: inline-block; vertical-align: top; margin-right: 40px; }
            .v-label.crm-wrap pre, .v-label.crm-wrap { white-space: pre-wrap; font-family: inherit; }
            /* phones and small tablets: the menu is a drawer over the page, opened with the button in the top bar;
               forms are one column (caption above the field), fields and controls take the width and are easy to hit */
            @media (max-width: 767px) {
                .crm-shell > .crm-menu { display: none; position: fixed; top: 0; left: 0; bottom: 0; width: 80vw; max-width: 300px;
                    z-index: 10000; box-shadow: 4px 0 16px rgba(0,0,0,.35); }
                .crm-shell.crm-menu-toggled > .crm-menu { display: block; }
                .crm-topbar { padding: 4px 8px; }
                .crm-topbar .crm-who { display: none; }
                .crm-content { padding: 8px; }
                .crm-content .v-horizontallayout, .v-window .v-horizontallayout { white-space: normal; height: auto !important; }
                .crm-content .v-horizontallayout > .v-slot, .v-window .v-horizontallayout > .v-slot { margin-bottom: 6px; max-width: 100%; }
                .valo .v-formlayout table, .valo .v-formlayout tbody, .valo .v-formlayout-row, .valo .v-formlayout-captioncell,
                .valo .v-formlayout-contentcell, .valo .v-formlayout-errorcell { display: block; width: 100% !important; }
                .valo .v-formlayout-captioncell { text-align: left !important; padding-top: 8px !important; height: auto !important; }
                .valo .v-formlayout-errorcell { display: none; }
                .v-formlayout-contentcell .v-widget { max-width: 100%; }
                .crm-content .v-widget, .v-window-contents .v-widget { max-width: 100%; }
                .v-button, .crm-menu .v-button.crm-menu-item { min-height: 44px; }
                .v-textfield, .v-filterselect, .v-datefield, .v-textarea { font-size: 16px; }
                .v-textfield, .v-filterselect-input { min-height: 44px; }
                .v-checkbox > input { width: 22px; height: 22px; }
                .v-tabsheet-tabs { overflow-x: auto; }
                .v-csslayout > .crm-facts { display: block; margin-right: 0; }
            }
            """;

    private ShellStyles() {
    }
}
