package org.opencrm.platform.core.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A call, visit, e-mail, SMS, task or note (or a type a module adds) about a contact and/or an account. */
@Entity
@Table(name = "CRM_ACTIVITY", indexes = {
        @Index(name = "CRM_ACTIVITY_CONTACT", columnList = "CONTACTID"),
        @Index(name = "CRM_ACTIVITY_ACCOUNT", columnList = "ACCOUNTID"),
        @Index(name = "CRM_ACTIVITY_OWNER", columnList = "OWNER,STATUS,DUEDATE") })
public class Activity {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "activityIds")
    @TableGenerator(name = "activityIds", table = "CRM_SEQUENCE", pkColumnValue = "ACTIVITY", allocationSize = 1000)
    public Long id;
    @Column(length = 32, nullable = false)
    public String type;
    @Column(length = 200, nullable = false)
    public String subject;
    @Column(length = 4000)
    public String description;
    public LocalDate dueDate;
    @Column(length = 10, nullable = false)
    public String status;
    @Column(length = 64)
    public String owner;
    public Long contactId;
    public Long accountId;
    public Instant createdAt;
    /** The module that recorded the activity (null: entered by a user). */
    @Column(length = 64)
    public String moduleId;
    /** The subject as a text of that module, said in the reader's language (null: the subject is said as stored). */
    @Column(length = 100)
    public String subjectKey;
    /** The values of the subject's text, separated by U+001F (unit separator). */
    @Column(length = 1000)
    public String subjectArgs;
    /** That text in the platform's other languages (Chinese), so that a search in them finds it; null without a key. */
    @Column(length = 200)
    public String subjectWords;
    @Column(length = 64)
    public String createdBy;
    public Instant completedAt;
    public Instant updatedAt;
    @Column(length = 64)
    public String updatedBy;
    @Version
    public long version;
}
