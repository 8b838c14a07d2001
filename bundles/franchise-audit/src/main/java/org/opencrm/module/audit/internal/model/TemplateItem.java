package org.opencrm.module.audit.internal.model;

import javax.persistence.*;

/** One question of a template version, with its section (sections are ordered groups of items). */
@Entity
@Table(name = "FA_TEMPLATE_ITEM", indexes = @Index(name = "FA_TEMPLATE_ITEM_T", columnList = "TEMPLATEID,POSITION"))
public class TemplateItem {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "faTemplateItemIds")
    @TableGenerator(name = "faTemplateItemIds", table = "FA_SEQUENCE", pkColumnValue = "TEMPLATE_ITEM", allocationSize = 100)
    public Long id;
    @Column(nullable = false)
    public Long templateId;
    /** Order of the item in the whole template (sections in order, items in order within them). */
    @Column(nullable = false)
    public int position;
    @Column(length = 40, nullable = false)
    public String sectionCode;
    @Column(length = 200, nullable = false)
    public String sectionTitle;
    /** Stable across versions: the "most failed items" count by it. */
    @Column(length = 40, nullable = false)
    public String code;
    @Column(length = 500, nullable = false)
    public String question;
    /** How to judge the item (optional), in the version's language; other languages in {@link TemplateItemText}. */
    @Column(length = 1000)
    public String guidance;
    @Column(nullable = false)
    public int weight;
    @Enumerated(EnumType.STRING)
    @Column(length = 12, nullable = false)
    public Enums.AnswerType answerType;
    /** For SCORE: the highest score (answers 0..maxScore). */
    public int maxScore;
    public boolean naAllowed;
    public boolean critical;
    public boolean photoRequiredOnFail;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public Enums.Severity severity;
}
