package org.opencrm.module.handset.internal.ui;

import java.util.List;

import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.api.HandsetTab;
import org.opencrm.module.handset.api.WarrantyCheck;
import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.dto.AccessoryData;
import org.opencrm.module.handset.internal.dto.CardData;
import org.opencrm.module.handset.internal.dto.HandsetData;
import org.opencrm.module.handset.internal.dto.HistoryEntry;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.RecordLinks;
import org.opencrm.ui.RecordNames;
import org.opencrm.ui.Times;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.server.ExternalResource;
import com.vaadin.ui.Button;
import com.vaadin.ui.Component;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Link;
import com.vaadin.ui.TabSheet;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * One unit: what it is, who owns it, where and when it was sold, its warranty today (handset and each accessory),
 * the actions its status allows (sale, return, exchange, transfer) and its whole history.
 */
final class HandsetPage extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    /** {@code open} shows a unit (this one after a change, or the new one after an exchange) in the same view. */
    HandsetPage(HandsetScreens screens, UiContext context, HandsetData h, java.util.function.Consumer<String> open) {
        Messages msg = HandsetUi.messages(context.locale());
        setMargin(false);
        setId("handset-page");
        Button back = new Button(msg.get("handset.back"), e -> CrmSession.navigate(HandsetUi.VIEW));
        back.addStyleName(ValoTheme.BUTTON_LINK);
        Label title = new Label(h.modelName() + " · " + h.imei());
        title.setId("handset-title");
        title.addStyleName(ValoTheme.LABEL_H2);

        WarrantyCheck warranty = screens.handsets().warranty(h.imei(), Times.today(), null);
        Label state = new Label(warranty.inWarranty() ? msg.get("warranty.in", warranty.until().toString())
                : msg.get("warranty.out", msg.label("reason", warranty.reason())));
        state.setId("handset-warranty");
        state.addStyleName(warranty.inWarranty() ? ValoTheme.LABEL_SUCCESS : ValoTheme.LABEL_FAILURE);

        HorizontalLayout actions = new HorizontalLayout();
        boolean sale = context.user().hasPermission(HandsetModule.SALE);
        if (sale && h.status() == HandsetStatus.IN_STOCK) {
            actions.addComponent(action("handset-sell", msg.get("handsets.registerSale"), () -> SaleForm.open(screens, context, h.imei(), null, open)));
        }
        if (sale && h.status() == HandsetStatus.SOLD) {
            actions.addComponent(action("handset-return", msg.get("action.return"), () -> CardActions.returnUnit(screens, context, h, open)));
            actions.addComponent(action("handset-exchange", msg.get("action.exchange"), () -> CardActions.exchange(screens, context, h, open)));
            actions.addComponent(action("handset-transfer", msg.get("action.transfer"), () -> CardActions.transfer(screens, context, h, open)));
        }

        if (h.card() != null && h.card().saleDate() != null) {
            // the printed warranty card (三包凭证), PDF in a new tab in the user's language
            Link print = new Link(msg.get("print.card"), new ExternalResource("/api/v1/handsets/" + h.imei() + "/warranty-card.pdf?lang="
                    + context.locale().toLanguageTag()));
            print.setTargetName("_blank");
            print.setIcon(VaadinIcons.PRINT);
            print.setId("handset-print-card");
            actions.addComponent(print);
        }

        FormLayout unit = new FormLayout();
        unit.setId("handset-details");
        unit.addComponent(Fields.readOnly(msg.get("handset.status"), msg.label("status", h.status())));
        unit.addComponent(Fields.readOnly("IMEI", h.imei()));
        unit.addComponent(Fields.readOnly("IMEI 2", h.imei2()));
        unit.addComponent(Fields.readOnly(msg.get("handset.serial"), h.serialNumber()));
        unit.addComponent(Fields.readOnly(msg.get("handset.model"), h.modelName() + " (" + h.modelCode() + ")"));
        unit.addComponent(Fields.readOnly(msg.get("handset.scramble"), h.scrambleCode()));
        unit.addComponent(Fields.readOnly(msg.get("handset.batch"), h.batch()));
        if (h.channelAccountId() != null) {
            // the channel partner holding the unit (shipped by channel finance's sell-in)
            unit.addComponent(Fields.readOnly(msg.get("handset.channelPartner"), RecordNames.account(screens.customers(), context.user(), h.channelAccountId())
                    + (h.channelReference() == null ? "" : " · " + h.channelReference())));
        }
        CardData card = h.card();
        if (card != null) {
            if (h.ownerContactId() != null) {
                Button owner = new Button(msg.get("handset.owner") + ": " + RecordNames.contact(screens.customers(), context.user(), h.ownerContactId()),
                        e -> CrmSession.openContact(h.ownerContactId()));
                owner.setId("handset-owner");
                owner.addStyleName(ValoTheme.BUTTON_LINK);
                unit.addComponent(owner);
            }
            unit.addComponent(Fields.readOnly(msg.get("card.store"), RecordNames.account(screens.customers(), context.user(), card.storeAccountId())));
            unit.addComponent(Fields.readOnly(msg.get("card.retailer"), RecordNames.account(screens.customers(), context.user(), card.retailerAccountId())));
            unit.addComponent(Fields.readOnly(msg.get("handset.saleDate"), Fields.shown(card.saleDate())));
            unit.addComponent(Fields.readOnly(msg.get("card.invoice"), card.invoiceNumber()));
            unit.addComponent(Fields.readOnly(msg.get("card.channel"), msg.label("channel", card.channel())));
            unit.addComponent(Fields.readOnly(msg.get("card.warranty"), card.warrantyStart() + " – " + card.warrantyUntil()));
            for (AccessoryData a : card.accessories()) {
                unit.addComponent(Fields.readOnly(msg.label("accessory", a.type()),
                        msg.get("card.accessoryWarranty", Fields.shown(a.code()), Fields.shown(a.warrantyUntil()))));
            }
        }

        Grid<HistoryEntry> history = new Grid<>();
        history.setId("handset-history");
        history.setCaption(msg.get("handset.history"));
        history.setWidth("100%");
        history.setItems(screens.handsets().history(context.user(), h.imei(), new PageRequest(null, 0, PageRequest.MAX_LIMIT)).items());
        history.setHeightByRows(Math.max(2, Math.min(10, history.getDataCommunicator().getDataProviderSize())));
        history.addColumn(e -> Times.dateTime(e.occurredAt())).setCaption(msg.get("history.at")).setWidth(160);
        history.addColumn(HistoryEntry::actor).setCaption(msg.get("history.actor")).setWidth(120);
        history.addColumn(e -> msg.label("event", e.type())).setCaption(msg.get("history.event"));
        history.addColumn(e -> (e.fromStatus() == null ? "" : msg.label("status", e.fromStatus()) + " → ") + msg.label("status", e.toStatus()))
                .setCaption(msg.get("handset.status"));
        RecordLinks.column(history, e -> Fields.shown(e.relatedImei()), e -> e.relatedImei() == null ? null : HandsetUi.VIEW + "/" + e.relatedImei(), "history-related",
                e -> e.relatedImei()).setCaption(msg.get("history.related"));
        history.addColumn(e -> Fields.shown(e.note()) + (e.overrideReason() == null ? "" : " [" + msg.get("history.override") + ": " + e.overrideReason() + "]"))
                .setCaption(msg.get("history.note"));
        addComponents(back, title, state, actions, unit, withModuleTabs(screens, context, h.imei(), history, msg.get("handset.history")));
    }

    /**
     * The history alone, or a tab sheet of the history and the tabs other modules contribute ({@link HandsetTab}); a
     * module's tab is built when it is first selected, so a slow or failing module does not hold up the page.
     */
    private static Component withModuleTabs(HandsetScreens screens, UiContext context, String imei, Grid<?> history, String historyCaption) {
        List<HandsetTab> contributed = screens.tabs().visible(context.user());
        if (contributed.isEmpty()) {
            return history;
        }
        history.setCaption(null);
        TabSheet sheet = new TabSheet();
        sheet.setId("handset-tabs");
        sheet.setWidth("100%");
        sheet.addTab(history, historyCaption);
        for (HandsetTab t : contributed) {
            VerticalLayout holder = new VerticalLayout();
            holder.setMargin(false);
            holder.setId("handset-tab-" + t.id().replace('.', '-'));
            holder.setData(t);
            sheet.addTab(holder, t.label(context.locale()));
        }
        sheet.addSelectedTabChangeListener(e -> {
            if (e.getTabSheet().getSelectedTab() instanceof VerticalLayout holder && holder.getData() instanceof HandsetTab t
                    && holder.getComponentCount() == 0) {
                holder.addComponent((Component) t.createTab(context, imei));
            }
        });
        return sheet;
    }

    private static Button action(String id, String caption, Runnable run) {
        Button b = new Button(caption, e -> run.run());
        b.setId(id);
        return b;
    }
}
