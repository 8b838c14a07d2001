package org.opencrm.module.membership.internal.ui;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opencrm.module.membership.internal.dto.EarnRequest;
import org.opencrm.module.membership.internal.dto.MemberData;
import org.opencrm.module.membership.internal.dto.RedeemRequest;
import org.opencrm.module.membership.internal.dto.TxnResult;
import org.opencrm.module.membership.internal.dto.ValueRequest;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.RecordPicker;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;

import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.AbstractComponent;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.Alignment;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.Button;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.FormLayout;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.HorizontalLayout;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.Label;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.TabSheet;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.TextField;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.VerticalLayout;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.themes.ValoTheme;

/**
 * The till: scan or type a card number (or member number, or mobile), then record a purchase (points earned, with a
 * coupon), a points redemption, a top-up or a stored-value payment. Each form carries a reference made when it is
 * shown, so a double click or a retry after a lost answer is applied once; a new reference is made after each
 * success.
 */
final class Cashier extends VerticalLayout implements BaseMenuEntry.DeepLinked {
    private static final long serialVersionUID = 1L;
    private final transient MembershipUi.Services services;
    private final UiContext context;
    private final Messages msg;
    private final TextField find = new TextField();
    private final VerticalLayout member = new VerticalLayout();
    private final RecordPicker<Long> store;

    Cashier(MembershipUi.Services services, UiContext context) {
        this.services = services;
        this.context = context;
        this.msg = MembershipUi.messages(context.locale());
        setMargin(false);
        setId("cashier-view");
        Label title = new Label(msg.get("menu.cashier"));
        title.addStyleName(ValoTheme.LABEL_H2);
        find.setId("cashier-find");
        find.setPlaceholder(msg.get("members.findHint"));
        find.setWidth("320px");
        Button go = new Button(msg.get("members.find"), e -> lookup(find.getValue()));
        go.setId("cashier-find-go");
        go.setClickShortcut(com.vaadin.event.ShortcutAction.KeyCode.ENTER);
        store = Pickers.store(services.customers(), context, null, "cashier-store");
        store.setWidth("280px");
        var scope = context.user().scope();
        if (scope.type() == ScopeType.STORE && scope.accountId() != null) {
            store.setValue(scope.accountId());
        }
        HorizontalLayout bar = new HorizontalLayout(find, go, store);
        bar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        member.setMargin(false);
        addComponents(title, bar, member);
        find.focus();
    }

    static String reference() {
        return "UI-" + UUID.randomUUID();
    }

    @Override
    public void show(String parameters) {
        if (parameters != null && !parameters.isBlank()) {
            try {
                show(services.members().get(context.user(), Long.parseLong(parameters.strip())));
            } catch (RuntimeException e) {
                Feedback.error(msg.get("member.notFound", parameters));
            }
        }
    }

    private void lookup(String key) {
        try {
            Optional<MemberData> m = services.members().lookup(context.user(), key);
            if (m.isPresent()) {
                show(m.get());
            } else {
                member.removeAllComponents();
                Feedback.error(msg.get("members.noMatch", key));
            }
        } catch (RuntimeException ex) {
            Feedback.failed(ex, Map.of("q", find), msg);
        }
    }

    private void show(MemberData m) {
        member.removeAllComponents();
        Button name = new Button(m.name() + " · " + m.memberNumber() + " · " + MembershipUi.tier(msg, m.tier()),
                e -> CrmSession.navigate(MembershipUi.MEMBERS + "/" + m.id()));
        name.addStyleName(ValoTheme.BUTTON_LINK);
        Label balances = new Label(msg.get("cashier.balances", String.format("%,d", m.pointsBalance()), MembershipUi.yuan(m.valueBalance())));
        balances.setId("cashier-balances");
        balances.addStyleName(ValoTheme.LABEL_H3);
        TabSheet actions = new TabSheet();
        actions.setId("cashier-actions");
        actions.addTab(purchase(m), msg.get("cashier.purchase"));
        actions.addTab(redeem(m), msg.get("cashier.redeem"));
        actions.addTab(topUp(m), msg.get("cashier.topUp"));
        actions.addTab(spend(m), msg.get("cashier.spend"));
        member.addComponents(name, balances, actions);
    }

    private FormLayout purchase(MemberData m) {
        TextField amount = Fields.text(msg.get("cashier.amountPaid"), "purchase-amount");
        TextField coupon = Fields.text(msg.get("cashier.coupon"), "purchase-coupon");
        TextField card = card("purchase-card", m);
        return form("purchase", map("amount", amount, "couponCode", coupon, "cardNumber", card, "storeAccountId", store), ref -> {
            TxnResult r = services.ledger().earn(context.user(), m.id(), new EarnRequest(ref, MembershipUi.amount(amount, "amount", msg),
                    storeId(), Fields.typed(card.getValue()), Fields.typed(coupon.getValue()), null));
            return msg.get("cashier.earned", String.format("%,d", r.points()), r.multiplier(), String.format("%,d", r.pointsBalance()));
        }, m, amount, coupon, card);
    }

    private FormLayout redeem(MemberData m) {
        TextField points = Fields.text(msg.get("cashier.points"), "redeem-points");
        TextField card = card("redeem-card", m);
        return form("redeem", map("points", points, "cardNumber", card, "storeAccountId", store), ref -> {
            TxnResult r = services.ledger().redeem(context.user(), m.id(), new RedeemRequest(ref, MembershipUi.whole(points, "points", msg), storeId(),
                    Fields.typed(card.getValue()), null));
            return msg.get("cashier.redeemed", String.format("%,d", -r.points()), MembershipUi.yuan(r.amount()), String.format("%,d", r.pointsBalance()));
        }, m, points, card);
    }

    private FormLayout topUp(MemberData m) {
        TextField amount = Fields.text(msg.get("cashier.amount"), "topup-amount");
        TextField card = card("topup-card", m);
        return form("topup", map("amount", amount, "cardNumber", card, "storeAccountId", store), ref -> {
            TxnResult r = services.ledger().topUp(context.user(), m.id(), new ValueRequest(ref, MembershipUi.amount(amount, "amount", msg), storeId(),
                    Fields.typed(card.getValue()), null, null));
            return msg.get("cashier.toppedUp", MembershipUi.yuan(r.amount()), MembershipUi.yuan(r.bonus() == null ? BigDecimal.ZERO : r.bonus()),
                    MembershipUi.yuan(r.valueBalance()));
        }, m, amount, card);
    }

    private FormLayout spend(MemberData m) {
        TextField amount = Fields.text(msg.get("cashier.amount"), "spend-amount");
        TextField card = card("spend-card", m);
        return form("spend", map("amount", amount, "cardNumber", card, "storeAccountId", store), ref -> {
            TxnResult r = services.ledger().spend(context.user(), m.id(), new ValueRequest(ref, MembershipUi.amount(amount, "amount", msg), storeId(),
                    Fields.typed(card.getValue()), null, null));
            return msg.get("cashier.spent", MembershipUi.yuan(r.amount()), MembershipUi.yuan(r.valueBalance()));
        }, m, amount, card);
    }

    @FunctionalInterface
    private interface Txn {
        String apply(String reference);
    }

    /** One till action: its fields, a reference kept until the action succeeds, and the result shown. */
    private FormLayout form(String id, Map<String, AbstractComponent> fields, Txn txn, MemberData m, AbstractComponent... inputs) {
        FormLayout form = new FormLayout(inputs);
        String[] reference = { reference() };
        Button ok = new Button(msg.get("cashier.record"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                String done = txn.apply(reference[0]);
                reference[0] = reference();
                Feedback.done(done);
                show(services.members().get(context.user(), m.id()));
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        ok.setId(id + "-record");
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponent(ok);
        return form;
    }

    private TextField card(String id, MemberData m) {
        TextField card = Fields.text(msg.get("card.number"), id);
        m.cards().stream().filter(c -> c.usable()).findFirst().ifPresent(c -> card.setValue(c.cardNumber()));
        return card;
    }

    private Long storeId() {
        return store.getValue();
    }

    private static Map<String, AbstractComponent> map(Object... pairs) {
        Map<String, AbstractComponent> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (AbstractComponent) pairs[i + 1]);
        }
        return m;
    }
}
