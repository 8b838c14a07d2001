package org.opencrm.module.membership.internal.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.module.membership.internal.dto.PromotionData;
import org.opencrm.module.membership.internal.service.PromotionService;
import org.opencrm.module.membership.internal.service.Rules;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.ui.RecordNames;
import org.opencrm.ui.RecordPicker;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.BaseMenuEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.Times;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBoxGroup;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/** Membership → Promotions: earning multipliers by date range, store and tier. */
@Component(service = NavigationEntry.class)
public class PromotionsEntry extends BaseMenuEntry {
    private final PromotionService promotions;
    private final Rules rules;
    private final CustomerDirectory customers;

    @Activate
    public PromotionsEntry(@Reference PromotionService promotions, @Reference Rules rules, @Reference CustomerDirectory customers) {
        super("promotions", "membership", 30, MembershipModule.READ, MembershipUi::messages, "menu.promotions");
        this.promotions = promotions;
        this.rules = rules;
        this.customers = customers;
    }

    @Override
    public Object createView(UiContext context) {
        Messages msg = MembershipUi.messages(context.locale());
        Label title = new Label(msg.get("menu.promotions"));
        title.addStyleName(ValoTheme.LABEL_H2);
        ConfigurableFilterDataProvider<PromotionData, Void, String> rows = PagedData.of(page -> promotions.list(context.user(), false, page));
        Grid<PromotionData> grid = new Grid<>(rows);
        grid.setId("promotions-grid");
        grid.setWidth("100%");
        grid.addColumn(PromotionData::name).setCaption(msg.get("promotion.name"));
        grid.addColumn(p -> "×" + p.multiplier().stripTrailingZeros().toPlainString()).setCaption(msg.get("promotion.multiplier"));
        grid.addColumn(p -> p.startDate() + " – " + p.endDate()).setCaption(msg.get("promotion.dates"));
        grid.addColumn(p -> p.storeAccountId() == null ? msg.get("promotion.allStores") : RecordNames.account(customers, context.user(), p.storeAccountId())).setCaption(msg.get("promotion.store"));
        grid.addColumn(p -> p.tiers() == null || p.tiers().isEmpty() ? msg.get("promotion.allTiers") : String.join(", ", p.tiers()))
                .setCaption(msg.get("promotion.tiers"));
        Button create = new Button(msg.get("promotion.new"), e -> form(context, msg, rows::refreshAll));
        create.setId("promotions-new");
        create.addStyleName(ValoTheme.BUTTON_PRIMARY);
        create.setVisible(context.user().hasPermission(MembershipModule.ADMIN));
        VerticalLayout layout = new VerticalLayout(title, new Label(msg.get("promotion.help")), create, grid);
        layout.setMargin(false);
        layout.setId("promotions-view");
        return layout;
    }

    private void form(UiContext context, Messages msg, Runnable saved) {
        Window w = new Window(msg.get("promotion.new"));
        w.setModal(true);
        w.setWidth("480px");
        TextField name = Fields.text(msg.get("promotion.name"), "promotion-name");
        TextField multiplier = Fields.text(msg.get("promotion.multiplier"), "promotion-multiplier");
        multiplier.setPlaceholder("2.0");
        DateField start = new org.opencrm.ui.DateInput(msg.get("promotion.start"), Times.today());
        start.setDateFormat("yyyy-MM-dd");
        DateField end = new org.opencrm.ui.DateInput(msg.get("promotion.end"), Times.today().plusDays(7));
        end.setDateFormat("yyyy-MM-dd");
        RecordPicker<Long> store = Pickers.store(customers, context, msg.get("promotion.storeId"), "promotion-store");
        CheckBoxGroup<String> tiers = new CheckBoxGroup<>(msg.get("promotion.tiers"), rules.terms().tiers().stream().map(Rules.Tier::name).toList());
        tiers.setItemCaptionGenerator(t -> MembershipUi.tier(msg, t));
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("multiplier", multiplier);
        fields.put("startDate", start);
        fields.put("endDate", end);
        fields.put("storeAccountId", store);
        fields.put("tiers", tiers);
        Button save = new Button(msg.get("action.save"), e -> {
            Long storeId = store.getValue();
            try {
                Feedback.clearFieldErrors(fields);
                PromotionData p = promotions.create(context.user(), new PromotionData(null, Fields.typed(name.getValue()),
                        MembershipUi.amount(multiplier, "multiplier", msg), start.getValue(), end.getValue(), storeId, List.copyOf(tiers.getValue()),
                        Boolean.TRUE, null));
                w.close();
                Feedback.done(msg.get("promotion.saved", p.name()));
                saved.run();
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("promotion-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        FormLayout form = new FormLayout(name, multiplier, start, end, store, tiers, save);
        form.setMargin(true);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
    }
}
