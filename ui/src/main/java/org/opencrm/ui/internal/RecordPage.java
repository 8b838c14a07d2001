package org.opencrm.ui.internal;

import java.util.List;
import java.util.Optional;

import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Messages;

import com.vaadin.navigator.View;
import com.vaadin.navigator.ViewChangeListener.ViewChangeEvent;
import com.vaadin.ui.Component;
import com.vaadin.ui.Label;
import com.vaadin.ui.TabSheet;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The 360-degree page of a contact or an account: a header and one tab per contributed {@link RecordTab} (the
 * core's details, household and timeline, then every active module's tabs). Tabs are built when first opened.
 * The record must be visible to the user; otherwise the page says "not found" without revealing whether it exists.
 */
final class RecordPage extends VerticalLayout implements View {
    private static final long serialVersionUID = 1L;
    static final String CONTACT = "contact";
    static final String ACCOUNT = "account";

    private final CrmUI ui;
    private final String kind;
    private final Messages msg;
    private final TabSheet tabs = new TabSheet();
    private long recordId;
    private List<RecordTab> shown = List.of();

    RecordPage(CrmUI ui, String kind) {
        this.ui = ui;
        this.kind = kind;
        this.msg = ui.messages();
        setMargin(false);
        tabs.setId("record-tabs");
        tabs.addSelectedTabChangeListener(e -> fill((VerticalLayout) tabs.getSelectedTab()));
    }

    @Override
    public void enter(ViewChangeEvent event) {
        removeAllComponents();
        CrmUser user = CrmSession.user().orElseThrow();
        Optional<String> title = Optional.empty();
        try {
            recordId = Long.parseLong(event.getParameters());
            title = kind.equals(CONTACT) ? contactTitle(user, recordId) : accountTitle(user, recordId);
        } catch (NumberFormatException e) {
            // falls through to "not found"
        }
        if (title.isEmpty()) {
            Label missing = new Label(msg.get("record.notFound"));
            missing.setId("record-not-found");
            addComponent(missing);
            return;
        }
        Label header = new Label(title.get());
        header.setId("record-title");
        header.addStyleName(ValoTheme.LABEL_H2);
        addComponents(header, tabs);
        refreshTabs();
    }

    private Optional<String> contactTitle(CrmUser user, long id) {
        if (!ui.services().customers().canSeeContact(user, id)) {
            return Optional.empty();
        }
        return ui.services().customers().contact(id).map(ContactRef::name);
    }

    private Optional<String> accountTitle(CrmUser user, long id) {
        if (!ui.services().customers().canSeeAccount(user, id)) {
            return Optional.empty();
        }
        return ui.services().customers().account(id).map(AccountRef::name);
    }

    /** Rebuilds the tab list from the contributions active now, keeping the selected tab when it is still there. */
    void refreshTabs() {
        if (getComponentIndex(tabs) < 0) {
            return;
        }
        RecordTab.Record record = kind.equals(CONTACT) ? RecordTab.Record.CONTACT : RecordTab.Record.ACCOUNT;
        List<RecordTab> now = ui.services().contributions().tabs(record, CrmSession.user().orElseThrow());
        if (now.equals(shown)) {
            return;
        }
        String selectedId = tabs.getSelectedTab() == null ? null : tabs.getSelectedTab().getId();
        tabs.removeAllComponents();
        for (RecordTab t : now) {
            VerticalLayout holder = new VerticalLayout();
            holder.setMargin(false);
            holder.setId("tab-" + t.id());
            holder.setData(t);
            tabs.addTab(holder, t.label(msg.locale()));
        }
        shown = now;
        for (Component c : tabs) {
            if (c.getId().equals(selectedId)) {
                tabs.setSelectedTab(c);
            }
        }
        if (tabs.getSelectedTab() != null) {
            fill((VerticalLayout) tabs.getSelectedTab());
        }
    }

    private void fill(VerticalLayout holder) {
        if (holder == null || holder.getComponentCount() > 0) {
            return;
        }
        RecordTab tab = (RecordTab) holder.getData();
        UiContext context = CrmSession.context();
        holder.addComponent((Component) tab.createTab(context, recordId));
    }
}
