package org.opencrm.module.handset.internal.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.opencrm.module.handset.internal.dto.HandsetData;
import org.opencrm.module.handset.internal.dto.ModelData;
import org.opencrm.module.handset.internal.dto.RegisterRequest;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;

import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/** Registers a unit from the factory (IN_STOCK): IMEIs (Luhn-checked by the service), serial, model, codes. */
final class RegisterUnitForm {
    private RegisterUnitForm() {
    }

    static void open(HandsetScreens screens, UiContext context, Consumer<String> open) {
        Messages msg = HandsetUi.messages(context.locale());
        Window window = new Window(msg.get("handsets.register"));
        window.setModal(true);
        window.setWidth("520px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        TextField imei = Fields.text("IMEI", "unit-imei");
        TextField imei2 = Fields.text("IMEI 2", "unit-imei2");
        imei2.setPlaceholder(msg.get("unit.imei2Hint"));
        TextField serial = Fields.text(msg.get("handset.serial"), "unit-serial");
        ComboBox<ModelData> model = new ComboBox<>(msg.get("handset.model"),
                screens.models().list(context.user(), new PageRequest(null, 0, PageRequest.MAX_LIMIT)).items());
        model.setId("unit-model");
        model.setWidth("100%");
        model.setItemCaptionGenerator(m -> m.name() + " (" + m.code() + ")");
        TextField scramble = Fields.text(msg.get("handset.scramble"), "unit-scramble");
        TextField batch = Fields.text(msg.get("handset.batch"), "unit-batch");
        Map<String, AbstractComponent> fields = new LinkedHashMap<>();
        fields.put("imei", imei);
        fields.put("imei2", imei2);
        fields.put("serialNumber", serial);
        fields.put("modelCode", model);
        fields.put("scrambleCode", scramble);
        fields.put("batch", batch);
        Button save = new Button(msg.get("action.save"), e -> {
            try {
                HandsetData h = screens.handsets().register(context.user(), new RegisterRequest(imei.getValue().strip(), Fields.typed(imei2.getValue()),
                        serial.getValue().strip(), model.getValue() == null ? null : model.getValue().code(), Fields.typed(scramble.getValue()),
                        Fields.typed(batch.getValue())));
                window.close();
                Feedback.done(msg.get("unit.registered", h.imei()));
                open.accept(h.imei());
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        save.setId("unit-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(imei, imei2, serial, model, scramble, batch, save);
        window.setContent(form);
        UI.getCurrent().addWindow(window);
        imei.focus();
    }
}
