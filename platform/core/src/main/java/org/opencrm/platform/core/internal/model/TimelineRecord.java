package org.opencrm.platform.core.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** One entry of a customer timeline, written by the core (activities) and by every module. Append-only. */
@Entity
@Table(name = "CRM_TIMELINE", indexes = {
        @Index(name = "CRM_TIMELINE_CONTACT", columnList = "CONTACTID,OCCURREDAT"),
        @Index(name = "CRM_TIMELINE_ACCOUNT", columnList = "ACCOUNTID,OCCURREDAT") })
public class TimelineRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "timelineIds")
    @TableGenerator(name = "timelineIds", table = "CRM_SEQUENCE", pkColumnValue = "TIMELINE", allocationSize = 1000)
    public Long id;
    public Long contactId;
    public Long accountId;
    @Column(length = 64, nullable = false)
    public String moduleId;
    @Column(length = 64, nullable = false)
    public String type;
    @Column(length = 200, nullable = false)
    public String title;
    @Column(length = 2000)
    public String detail;
    @Column(nullable = false)
    public Instant occurredAt;
    @Column(length = 64)
    public String actor;
    @Column(length = 64)
    public String refType;
    @Column(length = 64)
    public String refId;
    /** The title's text in the module's bundle, said in the reader's language (null: the title is said in English only). */
    @Column(length = 100)
    public String titleKey;
    /** The values of the title's text, separated by U+001F (unit separator). */
    @Column(length = 1000)
    public String titleArgs;
}
