package org.opencrm.module.channel.internal.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.opencrm.module.channel.internal.ChannelModule;
import org.opencrm.module.channel.internal.dto.CreditData;
import org.opencrm.module.channel.internal.dto.LineInput;
import org.opencrm.module.channel.internal.dto.OrderData;
import org.opencrm.module.channel.internal.dto.OrderInput;
import org.opencrm.module.channel.internal.dto.PartnerData;
import org.opencrm.module.channel.internal.dto.PriceData;
import org.opencrm.module.channel.internal.dto.ProductData;
import org.opencrm.module.channel.internal.service.CreditRefusedException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.RecordPicker;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Order entry: the partner (picked by name), lines of products (picked by code or name) at the partner's grade price,
 * the partner's available credit and what the order leaves of it, updated as lines are added; a refusal of the credit
 * check is shown in words with the limit, the exposure and the shortfall. A user with channel.credit.override may give a
 * reason to let it through.
 */
final class OrderWindow {
    private record Line(ProductData product, int quantity, BigDecimal unitPrice) {
        BigDecimal amount() {
            return unitPrice == null ? BigDecimal.ZERO : unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    private OrderWindow() {
    }

    static void open(ChannelServices services, UiContext context, Long accountId, Consumer<OrderData> done) {
        Messages msg = ChannelUi.messages(context.locale());
        Window w = new Window(msg.get("order.new"));
        w.setId("channel-order-window");
        w.setModal(true);
        w.setWidth("95%");
        RecordPicker<Long> partner = Pickers.account(services.customers(), context, msg.get("order.partner"), "channel-order-partner");
        ComboBox<ProductData> product = new ComboBox<>(msg.get("order.product"));
        product.setId("channel-order-product");
        product.setItems(services.catalogue().products(context.user(), "", 500).items());
        product.setItemCaptionGenerator(p -> p.code() + " · " + p.name());
        TextField quantity = Fields.text(msg.get("order.quantity"), "channel-order-quantity");
        quantity.setValue("1");
        List<Line> lines = new ArrayList<>();
        Grid<Line> grid = new Grid<>();
        grid.setId("channel-order-lines");
        grid.setWidth("100%");
        grid.setHeightByRows(4);
        grid.addColumn(l -> l.product().code() + " · " + l.product().name()).setCaption(msg.get("order.product"));
        grid.addColumn(Line::quantity).setCaption(msg.get("order.quantity"));
        grid.addColumn(l -> l.unitPrice() == null ? msg.get("order.noPrice") : ChannelUi.yuan(l.unitPrice())).setCaption(msg.get("order.unitPrice"));
        grid.addColumn(l -> ChannelUi.yuan(l.amount().setScale(2))).setCaption(msg.get("order.amount"));
        Label credit = new Label();
        credit.setId("channel-order-credit");
        credit.setWidth("100%");
        Label refusal = new Label();
        refusal.setId("channel-order-refusal");
        refusal.addStyleName(ValoTheme.LABEL_FAILURE);
        refusal.setWidth("100%");
        refusal.setVisible(false);
        TextField override = Fields.text(msg.get("order.overrideReason"), "channel-order-override");
        override.setWidth("100%");
        override.setVisible(context.user().hasPermission(ChannelModule.CREDIT_OVERRIDE));
        Map<String, BigDecimal> prices = new HashMap<>();
        PartnerData[] current = new PartnerData[1];
        Runnable refresh = () -> {
            grid.setItems(lines);
            BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
            if (current[0] == null) {
                credit.setValue(msg.get("order.pickPartner"));
                return;
            }
            CreditData c = current[0].credit();
            BigDecimal after = c.available().subtract(total);
            credit.setValue(msg.get("order.credit", ChannelUi.yuan(c.available()), ChannelUi.yuan(total), ChannelUi.yuan(after), ChannelUi.grade(msg,
                    current[0].grade())));
            credit.setStyleName(after.signum() < 0 || !"NORMAL".equals(c.creditStatus()) ? ValoTheme.LABEL_FAILURE : ValoTheme.LABEL_SUCCESS);
        };
        partner.addValueChangeListener(e -> {
            prices.clear();
            current[0] = null;
            refusal.setVisible(false);
            if (e.getValue() != null && services.partners().isPartner(context.user(), e.getValue())) {
                current[0] = services.partners().get(context.user(), e.getValue());
                for (PriceData p : services.catalogue().prices(context.user(), current[0].grade())) {
                    prices.put(p.productCode(), p.price());
                }
            } else if (e.getValue() != null) {
                partner.setComponentError(new com.vaadin.server.UserError(msg.get("order.notPartner")));
            }
            lines.replaceAll(l -> new Line(l.product(), l.quantity(), prices.get(l.product().code())));
            refresh.run();
        });
        Button add = new Button(msg.get("order.addLine"), e -> {
            quantity.setComponentError(null);
            ProductData p = product.getValue();
            int q;
            try {
                q = Integer.parseInt(quantity.getValue().strip());
            } catch (NumberFormatException ex) {
                q = 0;
            }
            if (p == null || q < 1) {
                quantity.setComponentError(new com.vaadin.server.UserError(msg.get("order.lineInvalid")));
                return;
            }
            lines.add(new Line(p, q, prices.get(p.code())));
            refresh.run();
        });
        add.setId("channel-order-add");
        Button submit = new Button(msg.get("order.submit"));
        submit.setId("channel-order-submit");
        submit.addStyleName(ValoTheme.BUTTON_PRIMARY);
        submit.addClickListener(e -> {
            refusal.setVisible(false);
            Map<String, AbstractComponent> fields = Map.of("accountId", partner, "lines", grid, "overrideReason", override);
            try {
                if (partner.getValue() == null) {
                    throw new InvalidInputException("accountId", msg.get("order.pickPartner"), "channel.pickPartner");
                }
                List<LineInput> in = lines.stream().map(l -> new LineInput(l.product().code(), l.quantity())).toList();
                OrderData o = services.orders().submit(context.user(), new OrderInput(partner.getValue(), in, null, Fields.typed(override.getValue())));
                Feedback.done(msg.get("order.submitted", o.number()));
                w.close();
                done.accept(o);
            } catch (CreditRefusedException refused) {
                refusal.setValue(refusal(msg, refused));
                refusal.setVisible(true);
                Feedback.error(refusal.getValue());
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        VerticalLayout body = new VerticalLayout(partner, new HorizontalLayout(product, quantity, add), grid, credit, refusal, override, submit);
        body.setComponentAlignment(submit, com.vaadin.ui.Alignment.MIDDLE_RIGHT);
        w.setContent(body);
        if (accountId != null) {
            partner.setValue(accountId);
        }
        refresh.run();
        UI.getCurrent().addWindow(w);
    }

    /** A credit refusal in the user's language: why, the limit, the exposure and the shortfall (as every refusal is said). */
    static String refusal(Messages msg, CreditRefusedException e) {
        return Feedback.describe(e, msg.locale(), msg);
    }
}
