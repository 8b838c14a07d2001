package org.opencrm.module.audit.internal.model;

import javax.persistence.*;

/**
 * An item's texts in another language than its template version's own ({@link AuditTemplate#language}, the fallback):
 * the section title, the question and the guidance. They belong to the version as its items do: a published version's
 * texts never change, so an audit shows the words of the version it used, in its viewer's language.
 */
@Entity
@Table(name = "FA_TEMPLATE_TEXT", uniqueConstraints = @UniqueConstraint(name = "FA_TEMPLATE_TEXT_ITEM", columnNames = { "TEMPLATEITEMID", "LANGUAGE" }),
        indexes = @Index(name = "FA_TEMPLATE_TEXT_T", columnList = "TEMPLATEID,LANGUAGE"))
public class TemplateItemText {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "faTemplateTextIds")
    @TableGenerator(name = "faTemplateTextIds", table = "FA_SEQUENCE", pkColumnValue = "TEMPLATE_TEXT", allocationSize = 100)
    public Long id;
    @Column(nullable = false)
    public Long templateId;
    @Column(nullable = false)
    public Long templateItemId;
    /** zh_CN or en. */
    @Column(length = 10, nullable = false)
    public String language;
    @Column(length = 200, nullable = false)
    public String sectionTitle;
    @Column(length = 500, nullable = false)
    public String question;
    @Column(length = 1000)
    public String guidance;
}
