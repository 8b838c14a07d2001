package org.opencrm.module.membership.internal.ui;

import java.util.List;
import java.util.Optional;

import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.module.membership.internal.dto.MemberData;
import org.opencrm.platform.api.CrmException;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.RecordLinks;

import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.Alignment;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.Button;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.ComboBox;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.Grid;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.HorizontalLayout;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.Label;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.TextField;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.VerticalLayout;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.ui.themes.ValoTheme;

/** The members list (find by card, member number or mobile; filter by tier and status) or one member's page. */
final class MembersView extends VerticalLayout implements BaseMenuEntry.DeepLinked {
    private static final long serialVersionUID = 1L;
    private final transient MembershipUi.Services services;
    private final UiContext context;
    private final Messages msg;

    MembersView(MembershipUi.Services services, UiContext context) {
        this.services = services;
        this.context = context;
        this.msg = MembershipUi.messages(context.locale());
        setMargin(false);
        setId("members-view");
    }

    @Override
    public void show(String parameters) {
        removeAllComponents();
        if (parameters == null || parameters.isBlank()) {
            list();
            return;
        }
        try {
            MemberData m = services.members().get(context.user(), Long.parseLong(parameters.strip()));
            addComponent(new MemberPage(services, context, m, this::open));
        } catch (NumberFormatException | CrmException e) {
            Label missing = new Label(msg.get("member.notFound", parameters));
            missing.setId("member-not-found");
            addComponent(missing);
        }
    }

    /** Shows a member here and puts the member's link in the address bar (without navigating again). */
    void open(long memberId) {
        show(Long.toString(memberId));
        com.vaadin.server.Page.getCurrent().setUriFragment("!" + MembershipUi.MEMBERS + "/" + memberId, false);
    }

    private void list() {
        Label title = new Label(msg.get("menu.members"));
        title.addStyleName(ValoTheme.LABEL_H2);
        TextField find = new TextField();
        find.setId("members-find");
        find.setPlaceholder(msg.get("members.findHint"));
        find.setWidth("320px");
        Button go = new Button(msg.get("members.find"), e -> {
            try {
                Optional<MemberData> m = services.members().lookup(context.user(), find.getValue());
                if (m.isPresent()) {
                    open(m.get().id());
                } else {
                    Feedback.error(msg.get("members.noMatch", find.getValue()));
                }
            } catch (RuntimeException ex) {
                Feedback.failed(ex, java.util.Map.of("q", find), msg);
            }
        });
        go.setId("members-find-go");
        go.setClickShortcut(com.vaadin.event.ShortcutAction.KeyCode.ENTER);
        ComboBox<String> tier = new ComboBox<>(null, services.tiers());
        tier.setPlaceholder(msg.get("members.anyTier"));
        tier.setId("members-tier");
        ComboBox<String> status = new ComboBox<>(null, List.of("ACTIVE", "SUSPENDED", "CLOSED"));
        status.setPlaceholder(msg.get("members.anyStatus"));
        status.setItemCaptionGenerator(s -> msg.get("memberStatus." + s));
        Label total = new Label();
        total.setId("members-total");
        total.addStyleName(ValoTheme.LABEL_LIGHT);
        ConfigurableFilterDataProvider<MemberData, Void, String> rows = PagedData.of(page -> {
            var result = services.members().search(context.user(), tier.getValue(), status.getValue(), null, page);
            total.setValue(msg.get("members.total", result.total()));
            return result;
        });
        Grid<MemberData> grid = new Grid<>(rows);
        grid.setId("members-grid");
        grid.setWidth("100%");
        RecordLinks.column(grid, MemberData::memberNumber, x -> MembershipUi.MEMBERS + "/" + x.id(), "member-link", MemberData::id).setCaption(msg.get("member.number"));
        grid.addColumn(MemberData::name).setCaption(msg.get("member.name"));
        grid.addColumn(MemberData::mobile).setCaption(msg.get("member.mobile"));
        grid.addColumn(m -> MembershipUi.tier(msg, m.tier())).setCaption(msg.get("member.tier"));
        grid.addColumn(MemberData::pointsBalance).setCaption(msg.get("member.points"));
        grid.addColumn(m -> MembershipUi.yuan(m.valueBalance())).setCaption(msg.get("member.value"));
        tier.addValueChangeListener(e -> rows.refreshAll());
        status.addValueChangeListener(e -> rows.refreshAll());
        Button enrol = new Button(msg.get("members.enrol"), e -> EnrolForm.open(services, context, null, this::open));
        enrol.setId("members-enrol");
        enrol.addStyleName(ValoTheme.BUTTON_PRIMARY);
        enrol.setVisible(context.user().hasPermission(MembershipModule.WRITE));
        Button cashier = new Button(msg.get("menu.cashier"), e -> CrmSession.navigate("cashier"));
        cashier.setVisible(context.user().hasPermission(MembershipModule.CASHIER));
        HorizontalLayout bar = new HorizontalLayout(find, go, tier, status, enrol, cashier);
        bar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        addComponents(title, bar, total, grid);
        find.focus();
    }
}
