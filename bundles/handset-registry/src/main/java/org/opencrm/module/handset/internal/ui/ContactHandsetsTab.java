package org.opencrm.module.handset.internal.ui;

import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.dto.HandsetData;
import org.opencrm.module.handset.internal.service.HandsetService;
import org.opencrm.module.handset.internal.service.ModelService;
import org.opencrm.module.handset.internal.service.SaleService;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.ui.BaseRecordTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.RecordLinks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Button;
import com.vaadin.ui.Grid;
import com.vaadin.ui.VerticalLayout;

/** The contact page's "Handsets" tab: the phones this contact owns with their warranty, and a sale for them. */
@Component(service = RecordTab.class)
public class ContactHandsetsTab extends BaseRecordTab {
    private final HandsetScreens screens;

    @Activate
    public ContactHandsetsTab(@Reference HandsetService handsets, @Reference SaleService sales, @Reference ModelService models,
            @Reference CustomerDirectory customers, @Reference HandsetTabs tabs) {
        super("contact.handsets", Record.CONTACT, 40, HandsetModule.READ, HandsetUi::messages, "tab.handsets");
        this.screens = new HandsetScreens(handsets, sales, models, customers, tabs);
    }

    @Override
    public Object createTab(UiContext context, long contactId) {
        Messages msg = HandsetUi.messages(context.locale());
        Grid<HandsetData> grid = new Grid<>(PagedData.of(page -> screens.handsets().forContact(context.user(), contactId, page)));
        grid.setId("contact-handsets-grid");
        grid.setWidth("100%");
        grid.setHeight("260px");
        RecordLinks.column(grid, HandsetData::imei, x -> HandsetUi.VIEW + "/" + x.imei(), "handset-link", HandsetData::imei).setCaption("IMEI");
        grid.addColumn(HandsetData::modelName).setCaption(msg.get("handset.model"));
        grid.addColumn(h -> msg.label("status", h.status())).setCaption(msg.get("handset.status"));
        grid.addColumn(h -> Fields.shown(h.saleDate())).setCaption(msg.get("handset.saleDate"));
        grid.addColumn(h -> Fields.shown(h.warrantyUntil())).setCaption(msg.get("handset.warrantyUntil"));
        VerticalLayout layout = new VerticalLayout();
        layout.setMargin(false);
        if (context.user().hasPermission(HandsetModule.SALE)) {
            Button sale = new Button(msg.get("handsets.registerSale"),
                    e -> SaleForm.open(screens, context, null, contactId, imei -> CrmSession.navigate(HandsetUi.VIEW + "/" + imei)));
            sale.setId("contact-handsets-sale");
            layout.addComponent(sale);
        }
        layout.addComponent(grid);
        return layout;
    }
}
