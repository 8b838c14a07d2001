package org.opencrm.module.audit.internal.model;

import java.time.Instant;

import javax.persistence.*;

/**
 * One version of a checklist template. Versions of a template share the code; a PUBLISHED version never changes (its
 * items neither): an audit keeps the version it was started on, and a change is a new version.
 */
@Entity
@Table(name = "FA_TEMPLATE", uniqueConstraints = @UniqueConstraint(name = "FA_TEMPLATE_VERSION", columnNames = { "CODE", "VERSION" }))
public class AuditTemplate {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "faTemplateIds")
    @TableGenerator(name = "faTemplateIds", table = "FA_SEQUENCE", pkColumnValue = "TEMPLATE", allocationSize = 10)
    public Long id;
    @Column(length = 40, nullable = false)
    public String code;
    @Column(name = "VERSION", nullable = false)
    public int templateVersion;
    @Column(length = 200, nullable = false)
    public String name;
    /**
     * The language the items' own texts are written in (zh_CN, en), and the fallback: texts in other languages are
     * {@link TemplateItemText}s, and a viewer whose language has none sees these.
     */
    @Column(length = 10, nullable = false)
    public String language;
    @Enumerated(EnumType.STRING)
    @Column(length = 12, nullable = false)
    public Enums.TemplateStatus status;
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
    public Instant publishedAt;
    @Column(length = 64)
    public String publishedBy;
    @Version
    public long lockVersion;
}
