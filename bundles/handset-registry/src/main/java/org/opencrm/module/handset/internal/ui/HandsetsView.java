package org.opencrm.module.handset.internal.ui;

import java.util.List;

import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.dto.HandsetData;
import org.opencrm.module.handset.internal.dto.SearchCriteria;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.RecordLinks;

import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import org.opencrm.ui.BaseMenuEntry;

import com.vaadin.shared.ui.ValueChangeMode;
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

/**
 * The handsets screen: the list (IMEI or serial prefix as you type, owner mobile, status) over a lazy grid that
 * stays fast at a million units, or one unit's page when the link names it.
 */
final class HandsetsView extends VerticalLayout implements BaseMenuEntry.DeepLinked {
    private static final long serialVersionUID = 1L;
    private final transient HandsetScreens screens;
    private final UiContext context;
    private final Messages msg;

    HandsetsView(HandsetScreens screens, UiContext context) {
        this.screens = screens;
        this.context = context;
        this.msg = HandsetUi.messages(context.locale());
        setMargin(false);
        setId("handsets-view");
    }

    @Override
    public void show(String parameters) {
        removeAllComponents();
        if (parameters == null || parameters.isBlank()) {
            list();
            return;
        }
        try {
            HandsetData h = screens.handsets().get(context.user(), parameters.strip());
            addComponent(new HandsetPage(screens, context, h, this::open));
        } catch (RecordNotFoundException e) {
            Label missing = new Label(msg.get("handset.notFound", parameters));
            missing.setId("handset-not-found");
            Button back = new Button(msg.get("handset.back"), c -> CrmSession.navigate(HandsetUi.VIEW));
            back.addStyleName(ValoTheme.BUTTON_LINK);
            addComponents(missing, back);
        }
    }

    /** Shows a unit in this view and puts its link in the address bar (without navigating again). */
    void open(String imei) {
        show(imei);
        com.vaadin.server.Page.getCurrent().setUriFragment("!" + HandsetUi.VIEW + "/" + imei, false);
    }

    private void list() {
        Label title = new Label(msg.get("menu.handsets"));
        title.addStyleName(ValoTheme.LABEL_H2);
        TextField search = new TextField();
        search.setId("handsets-search");
        search.setPlaceholder(msg.get("handsets.searchHint"));
        search.setWidth("300px");
        TextField ownerMobile = new TextField();
        ownerMobile.setId("handsets-owner-mobile");
        ownerMobile.setPlaceholder(msg.get("handsets.ownerMobileHint"));
        ComboBox<HandsetStatus> status = new ComboBox<>(null, List.of(HandsetStatus.values()));
        status.setId("handsets-status");
        status.setPlaceholder(msg.get("handsets.anyStatus"));
        status.setItemCaptionGenerator(s -> msg.label("status", s));
        Label total = new Label();
        total.setId("handsets-total");
        total.addStyleName(ValoTheme.LABEL_LIGHT);

        ConfigurableFilterDataProvider<HandsetData, Void, String> rows = PagedData.of(page -> {
            String mobile = Fields.typed(ownerMobile.getValue());
            var result = screens.handsets().search(context.user(), new SearchCriteria(null, null, mobile, null, status.getValue(), null), page);
            total.setValue(msg.get("handsets.total", result.total()));
            return result;
        });
        Grid<HandsetData> grid = new Grid<>(rows);
        grid.setId("handsets-grid");
        grid.setWidth("100%");
        RecordLinks.column(grid, HandsetData::imei, x -> HandsetUi.VIEW + "/" + x.imei(), "handset-link", HandsetData::imei).setCaption("IMEI");
        grid.addColumn(HandsetData::modelName).setCaption(msg.get("handset.model"));
        grid.addColumn(h -> msg.label("status", h.status())).setCaption(msg.get("handset.status"));
        grid.addColumn(HandsetData::serialNumber).setCaption(msg.get("handset.serial"));
        grid.addColumn(h -> Fields.shown(h.saleDate())).setCaption(msg.get("handset.saleDate"));
        grid.addColumn(h -> Fields.shown(h.warrantyUntil())).setCaption(msg.get("handset.warrantyUntil"));

        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(250);
        search.addValueChangeListener(e -> rows.setFilter(Fields.typed(e.getValue())));
        ownerMobile.setValueChangeMode(ValueChangeMode.LAZY);
        ownerMobile.addValueChangeListener(e -> rows.refreshAll());
        status.addValueChangeListener(e -> rows.refreshAll());

        Button register = new Button(msg.get("handsets.register"), e -> RegisterUnitForm.open(screens, context, this::open));
        register.setId("handsets-register");
        register.setVisible(context.user().hasPermission(HandsetModule.WRITE));
        Button sale = new Button(msg.get("handsets.registerSale"), e -> SaleForm.open(screens, context, null, null, this::open));
        sale.setId("handsets-sale");
        sale.addStyleName(ValoTheme.BUTTON_PRIMARY);
        sale.setVisible(context.user().hasPermission(HandsetModule.SALE));
        HorizontalLayout bar = new HorizontalLayout(search, ownerMobile, status, sale, register);
        bar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        addComponents(title, bar, total, grid);
        search.focus();
    }
}
