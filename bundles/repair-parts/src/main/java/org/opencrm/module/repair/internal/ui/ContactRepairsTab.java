package org.opencrm.module.repair.internal.ui;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.RepairOrderSearch;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.ui.BaseRecordTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;

import com.vaadin.ui.Button;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.VerticalLayout;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The contact page's "Repairs" tab: the customer's repair orders, and a new service request or repair for them. */
@Component(service = RecordTab.class)
public class ContactRepairsTab extends BaseRecordTab {
    @Activate
    public ContactRepairsTab(@Reference RepairScreens screens) {
        super("contact.repairs", Record.CONTACT, 45, RepairModule.READ, RepairUi::messages, "tab.repairs", (c, id) -> content(screens, c, id));
    }

    private static Object content(RepairScreens screens, UiContext context, long contactId) {
        Messages msg = RepairUi.messages(context.locale());
        VerticalLayout layout = new VerticalLayout();
        layout.setMargin(false);
        if (context.user().hasPermission(RepairModule.WRITE)) {
            Button request = new Button(msg.get("desk.new"), e -> {
                ServiceDeskView desk = new ServiceDeskView(screens, context);
                desk.newRequest(contactId);
            });
            request.setId("contact-repairs-request");
            Button receive = new Button(msg.get("order.receive"),
                    e -> ReceiveForm.open(screens, context, null, contactId, order -> CrmSession.navigate(RepairUi.ORDERS + "/" + order.id())));
            receive.setId("contact-repairs-receive");
            layout.addComponent(new HorizontalLayout(request, receive));
        }
        var grid = RepairOrdersView.ordersGrid(screens, context, msg,
                PagedData.of(page -> screens.orders.search(context.user(), new RepairOrderSearch(null, null, null, contactId, null, null), page)));
        grid.setId("contact-repairs-grid");
        grid.setHeight("260px");
        layout.addComponent(grid);
        return layout;
    }
}
