package org.opencrm.module.audit.internal.ui;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Map;

import org.opencrm.module.audit.internal.AuditRuntime;
import org.opencrm.module.audit.internal.FranchiseAuditNames;
import org.opencrm.module.audit.internal.dto.AuditData;
import org.opencrm.module.audit.internal.dto.AuditData.ItemAnswer;
import org.opencrm.module.audit.internal.dto.AuditData.PhotoData;
import org.opencrm.module.audit.internal.dto.Requests;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Messages;
import org.opencrm.ui.Times;

import com.vaadin.server.ExternalResource;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.Button;
import com.vaadin.ui.Component;
import com.vaadin.ui.CssLayout;
import com.vaadin.ui.Image;
import com.vaadin.ui.Label;
import com.vaadin.ui.Link;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.Upload;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * One audit on a phone or tablet: a single column, one card per item with large answer buttons, a photo upload with
 * thumbnails, and at the end the comment, the store manager's acknowledgement and submit (with confirmation). A
 * submitted audit shows read-only, with its report.
 */
final class AuditForm extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient AuditRuntime rt;
    private final transient UiContext context;
    private final Messages msg;
    private final Runnable back;
    private final long auditId;

    AuditForm(AuditRuntime rt, UiContext context, long auditId, Runnable back) {
        this.rt = rt;
        this.context = context;
        this.msg = AuditUi.messages(context.locale());
        this.auditId = auditId;
        this.back = back;
        setId("audit-form");
        setWidth("100%");
        setMargin(false);
        addStyleName("audit-form");
        render(rt.audits.get(context.user(), auditId));
    }

    private void render(AuditData answer) {
        AuditData a = rt.audits.inLanguage(answer, context.locale()); // the checklist's texts in the user's language
        removeAllComponents();
        boolean editable = "IN_PROGRESS".equals(a.status()) && context.user().hasPermission(FranchiseAuditNames.PERFORM);
        Button backButton = new Button(msg.get("ui.back"), e -> back.run());
        backButton.addStyleName(ValoTheme.BUTTON_LINK);
        Label title = new Label(a.storeName() + " · " + a.auditDate());
        title.addStyleName(ValoTheme.LABEL_H2);
        title.setWidth("100%");
        Label score = new Label(msg.get("ui.scoreLine", a.score() == null ? "—" : a.score().toPlainString(), a.grade() == null ? "—" : a.grade(),
                msg.get("status." + a.status())));
        score.setId("audit-score");
        score.setWidth("100%");
        addComponents(backButton, title, score);
        if (!editable) {
            Link pdf = new Link(msg.get("ui.report"), new ExternalResource("/api/v1/audits/" + a.id() + "/report.pdf?lang=" + context.locale().toLanguageTag()));
            pdf.setTargetName("_blank");
            pdf.setId("audit-report-link");
            addComponent(pdf);
        }
        String section = null;
        for (ItemAnswer i : a.items()) {
            if (!i.sectionCode().equals(section)) {
                section = i.sectionCode();
                String sectionCode = section;
                Label h = new Label(a.sections().stream().filter(s -> s.code().equals(sectionCode)).map(s -> s.title() + (s.score() == null ? ""
                        : "  " + s.score().toPlainString())).findFirst().orElse(section));
                h.addStyleName(ValoTheme.LABEL_H3);
                h.setWidth("100%");
                addComponent(h);
            }
            addComponent(item(a, i, editable));
        }
        if (editable) {
            TextArea comment = new TextArea(msg.get("ui.comment"), a.comment() == null ? "" : a.comment());
            comment.setWidth("100%");
            comment.setRows(3);
            comment.setId("audit-comment");
            TextField ack = new TextField(msg.get("ui.acknowledgedBy"), a.acknowledgedBy() == null ? "" : a.acknowledgedBy());
            ack.setWidth("100%");
            ack.setId("audit-ack");
            ack.addStyleName(ValoTheme.TEXTFIELD_LARGE);
            Button submit = new Button(msg.get("ui.submit"), e -> confirmSubmit(comment, ack));
            submit.setId("audit-submit");
            submit.addStyleNames(ValoTheme.BUTTON_PRIMARY, ValoTheme.BUTTON_LARGE);
            submit.setWidth("100%");
            addComponents(comment, ack, submit);
        } else if (a.acknowledgedBy() != null) {
            addComponent(new Label(msg.get("ui.acknowledgedLine", a.acknowledgedBy(), Times.dateTime(a.acknowledgedAt()))));
        }
    }

    private Component item(AuditData a, ItemAnswer i, boolean editable) {
        VerticalLayout card = new VerticalLayout();
        card.setWidth("100%");
        card.setMargin(false);
        card.setSpacing(false);
        card.addStyleName(ValoTheme.LAYOUT_CARD);
        card.setId("audit-item-" + i.code());
        Label q = new Label(i.code() + "  " + i.question() + (i.critical() ? "  ★" : ""));
        q.setWidth("100%");
        card.addComponent(q);
        if (i.guidance() != null) {
            Label guidance = new Label(i.guidance());
            guidance.setWidth("100%");
            guidance.addStyleName(ValoTheme.LABEL_LIGHT);
            guidance.addStyleName(ValoTheme.LABEL_SMALL);
            card.addComponent(guidance);
        }
        CssLayout answers = new CssLayout();
        answers.setWidth("100%");
        if (i.answerType().equals("PASS_FAIL")) {
            answers.addComponent(answer(i, "PASS", null, editable));
            answers.addComponent(answer(i, "FAIL", null, editable));
        } else {
            for (int s = 0; s <= i.maxScore(); s++) {
                answers.addComponent(answer(i, null, s, editable));
            }
        }
        if (i.naAllowed()) {
            answers.addComponent(answer(i, "NA", null, editable));
        }
        card.addComponent(answers);
        CssLayout photos = new CssLayout();
        for (PhotoData p : a.photos()) {
            if (i.id().equals(p.itemId())) {
                Image img = new Image(null, new StreamResource(() -> new java.io.ByteArrayInputStream(
                        rt.audits.photoContent(context.user(), auditId, p.id(), true).bytes()), "thumb-" + p.id() + ".jpg"));
                img.setHeight("80px");
                photos.addComponent(img);
            }
        }
        card.addComponent(photos);
        if (editable) {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            String[] name = new String[1];
            Upload upload = new Upload(null, (fileName, mimeType) -> {
                received.reset();
                name[0] = fileName;
                return (OutputStream) received;
            });
            upload.setButtonCaption(msg.get("ui.photo") + (i.photoRequiredOnFail() ? " *" : ""));
            upload.setImmediateMode(true);
            upload.setId("audit-photo-" + i.code());
            upload.addSucceededListener(e -> {
                try {
                    rt.audits.addPhoto(context.user(), auditId, i.id(), name[0], received.toByteArray());
                    render(rt.audits.get(context.user(), auditId));
                } catch (RuntimeException ex) {
                    Feedback.failed(ex, Map.of(), msg);
                }
            });
            card.addComponent(upload);
        }
        return card;
    }

    private Button answer(ItemAnswer i, String answer, Integer score, boolean editable) {
        String caption = answer != null ? msg.get("answer." + answer) : Integer.toString(score);
        Button b = new Button(caption);
        b.addStyleName(ValoTheme.BUTTON_LARGE);
        b.setId("audit-answer-" + i.code() + "-" + (answer != null ? answer : score));
        boolean chosen = answer != null ? answer.equals(i.answer()) : score.equals(i.score()) && i.answer() == null;
        if (chosen) {
            b.addStyleName("FAIL".equals(answer) || i.failed() ? ValoTheme.BUTTON_DANGER : ValoTheme.BUTTON_PRIMARY);
        }
        b.setEnabled(editable);
        b.addClickListener(e -> {
            try {
                render(rt.audits.answer(context.user(), auditId, i.id(), new Requests.Answer(answer, score, null)));
            } catch (RuntimeException ex) {
                Feedback.failed(ex, Map.of(), msg);
            }
        });
        return b;
    }

    private void confirmSubmit(TextArea comment, TextField ack) {
        Window w = new Window(msg.get("ui.submitConfirmTitle"));
        w.setModal(true);
        w.setWidth("340px");
        Button yes = new Button(msg.get("ui.submit"), e -> {
            w.close();
            try {
                rt.audits.finish(context.user(), auditId, new Requests.Finish(comment.getValue(), ack.getValue()));
                AuditData done = rt.audits.submit(context.user(), auditId);
                Feedback.done(msg.get("ui.submitted", done.score().toPlainString(), done.grade()));
                render(done);
            } catch (RuntimeException ex) {
                Feedback.failed(ex, Map.of("acknowledgedBy", ack, "comment", comment), msg);
            }
        });
        yes.setId("audit-submit-confirm");
        yes.addStyleNames(ValoTheme.BUTTON_PRIMARY, ValoTheme.BUTTON_LARGE);
        Button no = new Button(msg.get("ui.cancel"), e -> w.close());
        no.addStyleName(ValoTheme.BUTTON_LARGE);
        VerticalLayout v = new VerticalLayout(new Label(msg.get("ui.submitConfirm")), yes, no);
        w.setContent(v);
        getUI().addWindow(w);
    }
}
