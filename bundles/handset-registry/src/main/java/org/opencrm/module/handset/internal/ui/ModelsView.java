package org.opencrm.module.handset.internal.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.dto.ModelData;
import org.opencrm.module.handset.internal.service.ModelService;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The model catalogue: code, name, network-access licence, launch date and warranty months (the model's own or the
 * configured "three guarantees" defaults). Click a model to edit it.
 */
final class ModelsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient ModelService models;
    private final UiContext context;
    private final Messages msg;
    private final Grid<ModelData> grid = new Grid<>();

    ModelsView(ModelService models, UiContext context) {
        this.models = models;
        this.context = context;
        this.msg = HandsetUi.messages(context.locale());
        setMargin(false);
        setId("models-view");
        Label title = new Label(msg.get("menu.models"));
        title.addStyleName(ValoTheme.LABEL_H2);
        boolean write = context.user().hasPermission(HandsetModule.WRITE);
        Button create = new Button(msg.get("models.new"), e -> form(null));
        create.setId("models-new");
        create.addStyleName(ValoTheme.BUTTON_PRIMARY);
        create.setVisible(write);
        grid.setId("models-grid");
        grid.setWidth("100%");
        grid.setDataProvider(PagedData.of(page -> models.list(context.user(), page)));
        grid.addColumn(ModelData::code).setCaption(msg.get("model.code"));
        grid.addColumn(ModelData::name).setCaption(msg.get("model.name"));
        grid.addColumn(m -> Fields.shown(m.licenceNumber())).setCaption(msg.get("model.licence"));
        grid.addColumn(m -> Fields.shown(m.launchDate())).setCaption(msg.get("model.launch"));
        grid.addColumn(m -> msg.get("model.monthsText", m.effective().handset(), m.effective().battery(), m.effective().charger(),
                m.effective().wiredHeadset())).setCaption(msg.get("model.months"));
        if (write) {
            grid.addItemClickListener(e -> form(e.getItem()));
        }
        addComponents(title, create, grid);
    }

    private void form(ModelData existing) {
        Window w = new Window(existing == null ? msg.get("models.new") : existing.name());
        w.setModal(true);
        w.setWidth("520px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        TextField code = Fields.text(msg.get("model.code"), "model-code");
        TextField name = Fields.text(msg.get("model.name"), "model-name");
        TextField licence = Fields.text(msg.get("model.licence"), "model-licence");
        licence.setPlaceholder("02-C045-192736");
        DateField launch = new org.opencrm.ui.DateInput(msg.get("model.launch"));
        launch.setDateFormat("yyyy-MM-dd");
        TextField handset = months(msg.get("accessory.HANDSET"), "model-months-handset");
        TextField battery = months(msg.get("accessory.BATTERY"), "model-months-battery");
        TextField charger = months(msg.get("accessory.CHARGER"), "model-months-charger");
        TextField headset = months(msg.get("accessory.WIRED_HEADSET"), "model-months-headset");
        if (existing != null) {
            code.setValue(existing.code());
            code.setReadOnly(true);
            name.setValue(existing.name());
            licence.setValue(Fields.shown(existing.licenceNumber()));
            launch.setValue(existing.launchDate());
            handset.setValue(Fields.shown(existing.handsetMonths()));
            battery.setValue(Fields.shown(existing.batteryMonths()));
            charger.setValue(Fields.shown(existing.chargerMonths()));
            headset.setValue(Fields.shown(existing.headsetMonths()));
        }
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("name", name);
        fields.put("licenceNumber", licence);
        fields.put("launchDate", launch);
        fields.put("handsetMonths", handset);
        fields.put("batteryMonths", battery);
        fields.put("chargerMonths", charger);
        fields.put("headsetMonths", headset);
        Button save = new Button(msg.get("action.save"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                ModelData in = new ModelData(existing == null ? null : existing.id(), code.getValue().strip(), name.getValue().strip(),
                        Fields.typed(licence.getValue()), launch.getValue(), number(handset, "handsetMonths"), number(battery, "batteryMonths"),
                        number(charger, "chargerMonths"), number(headset, "headsetMonths"), null, null, null, null, null,
                        existing == null ? null : existing.version());
                ModelData saved = existing == null ? models.create(context.user(), in) : models.update(context.user(), existing.id(), in);
                w.close();
                Feedback.done(msg.get("model.saved", saved.name()));
                grid.getDataProvider().refreshAll();
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("model-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(code, name, licence, launch, new Label(msg.get("model.monthsHint")), handset, battery, charger, headset, save);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
    }

    private Integer number(TextField f, String field) {
        String v = Fields.typed(f.getValue());
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new org.opencrm.platform.api.InvalidInputException(field, msg.get("model.monthsNumber"));
        }
    }

    private static TextField months(String caption, String id) {
        TextField f = Fields.text(caption, id);
        f.setWidth("120px");
        return f;
    }
}
