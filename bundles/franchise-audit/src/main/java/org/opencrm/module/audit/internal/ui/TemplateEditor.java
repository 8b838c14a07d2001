package org.opencrm.module.audit.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opencrm.module.audit.internal.AuditRuntime;
import org.opencrm.module.audit.internal.dto.TemplateData;
import org.opencrm.module.audit.internal.dto.TemplateData.ItemData;
import org.opencrm.module.audit.internal.dto.TemplateData.ItemText;
import org.opencrm.module.audit.internal.dto.TemplateData.SectionData;
import org.opencrm.module.audit.internal.service.TemplateService;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Messages;

import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Editing a draft version of a checklist: the section titles, each item's question, weight, whether it is critical,
 * allows N/A or needs a photo when failed; save, then publish (after which the version never changes). New items and
 * sections are added through the REST API.
 */
final class TemplateEditor extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    TemplateEditor(AuditRuntime rt, UiContext c, long templateId, Runnable back) {
        Messages msg = AuditUi.messages(c.locale());
        setId("audit-template-editor");
        setWidth("100%");
        setMargin(false);
        TemplateData t = rt.templates.get(c.user(), templateId);
        Button backButton = new Button(msg.get("ui.back"), e -> back.run());
        backButton.addStyleName(ValoTheme.BUTTON_LINK);
        Label title = new Label(t.code() + " v" + t.version() + " · " + msg.get("templateStatus." + t.status()));
        title.addStyleName(ValoTheme.LABEL_H2);
        TextField name = new TextField(msg.get("ui.name"), t.name());
        name.setWidth("100%");
        addComponents(backButton, title, name);
        boolean draft = "DRAFT".equals(t.status());
        List<Runnable> collect = new ArrayList<>();
        List<SectionData> sections = new ArrayList<>();
        // the texts in the user's language: the version's own, or its texts in that language (the version's own where it has none)
        String language = TemplateService.languageOf(c.locale());
        boolean own = language.equals(t.language());
        for (SectionData s : t.sections()) {
            Map<String, String> titles = s.titles() == null ? new java.util.HashMap<>() : new java.util.HashMap<>(s.titles());
            TextField sectionTitle = new TextField(s.code(), own ? s.title() : titles.getOrDefault(language, s.title()));
            sectionTitle.setWidth("100%");
            sectionTitle.addStyleName(ValoTheme.TEXTFIELD_LARGE);
            addComponent(sectionTitle);
            List<ItemData> items = new ArrayList<>();
            for (ItemData i : s.items()) {
                Map<String, ItemText> texts = i.texts() == null ? new java.util.HashMap<>() : new java.util.HashMap<>(i.texts());
                ItemText translated = texts.get(language);
                TextField question = new TextField(i.code(), own || translated == null ? i.question() : translated.question());
                question.setWidth("100%");
                TextField weight = new TextField(msg.get("ui.weight"), Integer.toString(i.weight()));
                weight.setWidth("90px");
                CheckBox critical = new CheckBox(msg.get("ui.critical"), Boolean.TRUE.equals(i.critical()));
                CheckBox na = new CheckBox(msg.get("ui.naAllowed"), Boolean.TRUE.equals(i.naAllowed()));
                CheckBox photo = new CheckBox(msg.get("ui.photoRequired"), Boolean.TRUE.equals(i.photoRequiredOnFail()));
                for (com.vaadin.ui.AbstractComponent f : List.of(question, weight, critical, na, photo)) {
                    f.setEnabled(draft);
                }
                HorizontalLayout flags = new HorizontalLayout(weight, critical, na, photo);
                flags.setDefaultComponentAlignment(com.vaadin.ui.Alignment.BOTTOM_LEFT);
                addComponents(question, flags);
                int index = items.size();
                items.add(i);
                collect.add(() -> {
                    int w;
                    try {
                        w = Integer.parseInt(weight.getValue().trim());
                    } catch (NumberFormatException e) {
                        w = 0; // refused by the service with the field named
                    }
                    if (!own) {
                        texts.put(language, new ItemText(question.getValue(), translated == null ? null : translated.guidance()));
                    }
                    items.set(index, new ItemData(null, i.code(), own ? question.getValue() : i.question(), w, i.answerType(), i.maxScore(), na.getValue(),
                            critical.getValue(), photo.getValue(), i.severity(), i.guidance(), texts));
                });
            }
            int sectionIndex = sections.size();
            sections.add(s);
            collect.add(() -> {
                if (!own) {
                    titles.put(language, sectionTitle.getValue());
                }
                sections.set(sectionIndex, new SectionData(s.code(), own ? sectionTitle.getValue() : s.title(), items, titles));
            });
            sectionTitle.setEnabled(draft);
        }
        name.setEnabled(draft);
        if (draft) {
            Button save = new Button(msg.get("ui.save"), e -> {
                collect.forEach(Runnable::run);
                try {
                    rt.templates.update(c.user(), templateId, new TemplateData(null, t.code(), null, name.getValue(), t.language(), null, null,
                            null, sections));
                    Feedback.done(msg.get("ui.saved"));
                } catch (RuntimeException ex) {
                    Feedback.failed(ex, Map.of("name", name), msg);
                }
            });
            save.setId("audit-template-save");
            save.addStyleNames(ValoTheme.BUTTON_PRIMARY, ValoTheme.BUTTON_LARGE);
            Button publish = new Button(msg.get("ui.publish"), e -> {
                try {
                    rt.templates.publish(c.user(), templateId);
                    Feedback.done(msg.get("ui.published"));
                    back.run();
                } catch (RuntimeException ex) {
                    Feedback.failed(ex, Map.of(), msg);
                }
            });
            publish.setId("audit-template-publish");
            publish.addStyleName(ValoTheme.BUTTON_LARGE);
            addComponent(new HorizontalLayout(save, publish));
        }
    }
}
