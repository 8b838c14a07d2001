package org.opencrm.module.membership.internal.ui;

import java.util.Map;
import java.util.function.LongConsumer;

import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.module.membership.internal.dto.AdjustRequest;
import org.opencrm.module.membership.internal.dto.CardData;
import org.opencrm.module.membership.internal.dto.CardRequest;
import org.opencrm.module.membership.internal.dto.MemberData;
import org.opencrm.module.membership.internal.dto.PointsLedgerEntry;
import org.opencrm.module.membership.internal.dto.ValueLedgerEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.Times;

import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TabSheet;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/** A member: tier, balances, cards with their lifecycle actions, and the points and stored-value ledgers. */
final class MemberPage extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    MemberPage(MembershipUi.Services services, UiContext context, MemberData m, LongConsumer open) {
        Messages msg = MembershipUi.messages(context.locale());
        setMargin(false);
        setId("member-page");
        Button back = new Button(msg.get("member.back"), e -> CrmSession.navigate(MembershipUi.MEMBERS));
        back.addStyleName(ValoTheme.BUTTON_LINK);
        Label title = new Label(m.name() + " · " + m.memberNumber());
        title.setId("member-title");
        title.addStyleName(ValoTheme.LABEL_H2);

        HorizontalLayout balances = new HorizontalLayout(
                figure(msg.get("member.points"), String.format("%,d", m.pointsBalance()), "member-points"),
                figure(msg.get("member.value"), MembershipUi.yuan(m.valueBalance()), "member-value"),
                figure(msg.get("member.tier"), MembershipUi.tier(msg, m.tier()), "member-tier"),
                figure(msg.get("member.spend"), MembershipUi.yuan(m.rollingSpend()), "member-spend"));

        HorizontalLayout actions = new HorizontalLayout();
        if (context.user().hasPermission(MembershipModule.CASHIER)) {
            Button till = new Button(msg.get("menu.cashier"), e -> CrmSession.navigate("cashier/" + m.id()));
            till.setId("member-cashier");
            till.addStyleName(ValoTheme.BUTTON_PRIMARY);
            actions.addComponent(till);
        }
        if (context.user().hasPermission(MembershipModule.ADJUST)) {
            Button adjust = new Button(msg.get("points.adjust"), e -> adjust(services, context, msg, m, open));
            adjust.setId("member-adjust");
            actions.addComponent(adjust);
        }
        if (context.user().hasPermission(MembershipModule.WRITE)) {
            Button issue = new Button(msg.get("card.issue"), e -> issueCard(services, context, msg, m, open));
            issue.setId("member-issue-card");
            actions.addComponent(issue);
        }
        Button contact = new Button(msg.get("member.contact"), e -> CrmSession.openContact(m.contactId()));
        contact.addStyleName(ValoTheme.BUTTON_LINK);
        actions.addComponent(contact);

        FormLayout details = new FormLayout();
        details.addComponent(Fields.readOnly(msg.get("member.mobile"), m.mobile()));
        details.addComponent(Fields.readOnly(msg.get("member.status"), msg.get("memberStatus." + m.status())));
        details.addComponent(Fields.readOnly(msg.get("member.birthday"), Fields.shown(m.birthday())));
        details.addComponent(Fields.readOnly(msg.get("member.joinStore"), m.joinStoreAccountId() == null ? null
                : org.opencrm.ui.RecordNames.account(services.customers(), context.user(), m.joinStoreAccountId())));
        details.addComponent(Fields.readOnly(msg.get("member.lastActivity"), m.lastActivityAt() == null ? null : Times.dateTime(m.lastActivityAt())));

        Grid<CardData> cards = new Grid<>();
        cards.setId("member-cards");
        cards.setWidth("100%");
        cards.setItems(m.cards());
        cards.setHeightByRows(Math.max(1, Math.min(6, m.cards().size())));
        cards.addColumn(CardData::cardNumber).setCaption(msg.get("card.number"));
        cards.addColumn(c -> msg.get("cardKind." + c.kind())).setCaption(msg.get("card.kind"));
        cards.addColumn(c -> msg.get("cardStatus." + c.status())).setCaption(msg.get("card.status"));
        cards.addColumn(c -> c.parentCardId() == null ? "" : msg.get("card.child")).setCaption("");
        cards.addComponentColumn(c -> cardActions(services, context, msg, m, c, open)).setCaption("");

        Grid<PointsLedgerEntry> points = new Grid<>(PagedData.of(page -> services.ledger().pointsLedger(context.user(), m.id(), page)));
        points.setId("member-points-ledger");
        points.setSizeFull();
        points.addColumn(e -> Times.dateTime(e.createdAt())).setCaption(msg.get("ledger.at"));
        points.addColumn(e -> msg.get("txn." + e.kind())).setCaption(msg.get("ledger.kind"));
        points.addColumn(PointsLedgerEntry::points).setCaption(msg.get("ledger.points"));
        points.addColumn(PointsLedgerEntry::balanceAfter).setCaption(msg.get("ledger.balance"));
        points.addColumn(e -> e.expiresAt() == null ? "" : Times.dateTime(e.expiresAt())).setCaption(msg.get("ledger.expires"));
        points.addColumn(e -> Fields.shown(e.reference())).setCaption(msg.get("ledger.reference"));
        points.addColumn(e -> Fields.shown(e.reason())).setCaption(msg.get("ledger.reason"));
        Grid<ValueLedgerEntry> value = new Grid<>(PagedData.of(page -> services.ledger().valueLedger(context.user(), m.id(), page)));
        value.setId("member-value-ledger");
        value.setSizeFull();
        value.addColumn(e -> Times.dateTime(e.createdAt())).setCaption(msg.get("ledger.at"));
        value.addColumn(e -> msg.get("txn." + e.kind()) + (e.bonus() ? " (" + msg.get("ledger.bonus") + ")" : "")).setCaption(msg.get("ledger.kind"));
        value.addColumn(e -> MembershipUi.yuan(e.amount())).setCaption(msg.get("ledger.amount"));
        value.addColumn(e -> MembershipUi.yuan(e.balanceAfter())).setCaption(msg.get("ledger.balance"));
        value.addColumn(e -> Fields.shown(e.reference())).setCaption(msg.get("ledger.reference"));
        TabSheet ledgers = new TabSheet();
        ledgers.setWidth("100%");
        ledgers.setHeight("360px");
        ledgers.addTab(points, msg.get("ledger.pointsTab"));
        ledgers.addTab(value, msg.get("ledger.valueTab"));
        addComponents(back, title, balances, actions, details, cards, ledgers);
    }

    private static VerticalLayout figure(String caption, String value, String id) {
        Label v = new Label(value);
        v.setId(id);
        v.addStyleName(ValoTheme.LABEL_H3);
        Label c = new Label(caption);
        c.addStyleName(ValoTheme.LABEL_LIGHT);
        VerticalLayout l = new VerticalLayout(v, c);
        l.setSpacing(false);
        l.setMargin(false);
        return l;
    }

    /** What a card's status allows: report lost (blocks it at once), found, replace (balances stay), cancel. */
    private static HorizontalLayout cardActions(MembershipUi.Services services, UiContext context, Messages msg, MemberData m, CardData c,
            LongConsumer open) {
        HorizontalLayout row = new HorizontalLayout();
        if (!context.user().hasPermission(MembershipModule.WRITE)) {
            return row;
        }
        String n = c.cardNumber();
        switch (c.status()) {
            case "ISSUED" -> row.addComponent(cardAction(msg, "activate", n, () -> services.cards().activate(context.user(), n, null), m, open));
            case "ACTIVE" -> {
                row.addComponent(cardAction(msg, "lost", n, () -> services.cards().reportLost(context.user(), n, null), m, open));
                row.addComponent(cardAction(msg, "cancel", n, () -> services.cards().cancel(context.user(), n, null), m, open));
            }
            case "LOST" -> {
                row.addComponent(cardAction(msg, "found", n, () -> services.cards().found(context.user(), n, null), m, open));
                row.addComponent(cardAction(msg, "replace", n, () -> services.cards().replace(context.user(), n, null), m, open));
            }
            default -> {
                // REPLACED and CANCELLED cards are dead
            }
        }
        return row;
    }

    private static Button cardAction(Messages msg, String action, String number, Runnable run, MemberData m, LongConsumer open) {
        Runnable act = () -> {
            try {
                run.run();
                Feedback.done(msg.get("card." + action + ".done", number));
                open.accept(m.id());
            } catch (RuntimeException ex) {
                Feedback.failed(ex, Map.of(), msg);
            }
        };
        // cancelling cannot be undone: say so and ask first
        Button b = new Button(msg.get("card." + action), e -> {
            if (action.equals("cancel")) {
                org.opencrm.ui.Confirm.ask(msg.get("card.cancel.confirmTitle", number), msg.get("card.cancel.confirmText", number, m.name()),
                        msg.get("card.cancel.confirm"), act);
            } else {
                act.run();
            }
        });
        b.setId("card-" + action + "-" + number);
        b.addStyleName(ValoTheme.BUTTON_SMALL);
        return b;
    }

    private static void adjust(MembershipUi.Services services, UiContext context, Messages msg, MemberData m, LongConsumer open) {
        Window w = new Window(msg.get("points.adjust"));
        w.setModal(true);
        w.setWidth("440px");
        TextField points = Fields.text(msg.get("points.adjustPoints"), "adjust-points");
        points.setPlaceholder(msg.get("points.adjustHint"));
        TextField reason = Fields.text(msg.get("ledger.reason"), "adjust-reason");
        Map<String, com.vaadin.ui.AbstractComponent> fields = Map.of("points", points, "reason", reason);
        Button save = new Button(msg.get("action.save"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                services.ledger().adjust(context.user(), m.id(), new AdjustRequest(Cashier.reference(), MembershipUi.whole(points, "points", msg),
                        Fields.typed(reason.getValue())));
                w.close();
                Feedback.done(msg.get("points.adjusted"));
                open.accept(m.id());
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("adjust-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        FormLayout form = new FormLayout(points, reason, save);
        form.setMargin(true);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
    }

    private static void issueCard(MembershipUi.Services services, UiContext context, Messages msg, MemberData m, LongConsumer open) {
        Window w = new Window(msg.get("card.issue"));
        w.setModal(true);
        w.setWidth("440px");
        ComboBox<String> kind = new ComboBox<>(msg.get("card.kind"), java.util.List.of("MEMBER", "STORED_VALUE", "DISCOUNT", "COMBINED"));
        kind.setId("issue-kind");
        kind.setItemCaptionGenerator(k -> msg.get("cardKind." + k));
        kind.setEmptySelectionAllowed(false);
        kind.setValue("COMBINED");
        TextField parent = Fields.text(msg.get("card.parent"), "issue-parent");
        parent.setPlaceholder(msg.get("card.parentHint"));
        TextField discount = Fields.text(msg.get("card.discount"), "issue-discount");
        Map<String, com.vaadin.ui.AbstractComponent> fields = Map.of("kind", kind, "parentCardNumber", parent, "discountPercent", discount);
        Button save = new Button(msg.get("card.issue"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                Long pct = MembershipUi.whole(discount, "discountPercent", msg);
                CardData c = services.cards().issue(context.user(), new CardRequest(m.id(), kind.getValue(), Fields.typed(parent.getValue()), null,
                        pct == null ? null : pct.intValue(), null, Boolean.TRUE));
                w.close();
                Feedback.done(msg.get("card.issued", c.cardNumber()));
                open.accept(m.id());
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("issue-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        FormLayout form = new FormLayout(kind, parent, discount, save);
        form.setMargin(true);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
    }
}
