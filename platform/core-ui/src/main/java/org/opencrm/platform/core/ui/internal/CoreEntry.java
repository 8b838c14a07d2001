package org.opencrm.platform.core.ui.internal;

import java.util.Locale;

import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.platform.api.ui.DashboardWidget;

/** Labels of the core's contributions come from its bundle under "menu.<id>", "tab.<id>" and "widget.<id>". */
final class CoreEntry {
    private CoreEntry() {
    }

    abstract static class Nav implements NavigationEntry {
        @Override
        public String label(Locale locale) {
            return CoreUi.messages(locale).get("menu." + id());
        }

        @Override
        public String group() {
            return "customers";
        }
    }

    abstract static class Tab implements RecordTab {
        @Override
        public String label(Locale locale) {
            return CoreUi.messages(locale).get("tab." + id());
        }
    }

    abstract static class Widget implements DashboardWidget {
        @Override
        public String label(Locale locale) {
            return CoreUi.messages(locale).get("widget." + id());
        }
    }
}
