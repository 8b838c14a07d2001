package org.opencrm.module.repair.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A customer's request for service, from any channel, routed to a service centre, due by its SLA. */
@Entity
@Table(name = "RP_SERVICE_REQUEST", indexes = {
        @Index(name = "RP_SR_QUEUE", columnList = "STATUS,DUEAT"),
        @Index(name = "RP_SR_ESCALATION", columnList = "STATUS,NEXTESCALATIONAT"),
        @Index(name = "RP_SR_CENTRE", columnList = "CENTREACCOUNTID,DUEAT"),
        @Index(name = "RP_SR_CONTACT", columnList = "CONTACTID,ID") })
public class ServiceRequest {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "repairRequestIds")
    @TableGenerator(name = "repairRequestIds", table = "RP_SEQUENCE", pkColumnValue = "REQUEST", allocationSize = 50)
    public Long id;
    @Enumerated(EnumType.STRING)
    @Column(length = 8, nullable = false)
    public RequestChannel channel;
    @Column(nullable = false)
    public Long contactId;
    @Column(length = 15)
    public String imei;
    @Column(length = 32)
    public String serialNumber;
    @Column(length = 32)
    public String modelCode;
    @Column(length = 1000, nullable = false)
    public String description;
    /** The authorised service centre (a core account) the request is routed to; null until routed. */
    public Long centreAccountId;
    /** The username responsible. */
    @Column(length = 64)
    public String owner;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public RequestStatus status;
    @Column(nullable = false)
    public Instant dueAt;
    /** 0 = never escalated; each escalation adds one. */
    public int escalationLevel;
    public Instant escalatedAt;
    /** When the escalation run looks at the request next (the due time, then after each escalation). */
    public Instant nextEscalationAt;
    public Long repairOrderId;
    @Column(length = 1000)
    public String resolution;
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
    public Instant closedAt;
    @Column(length = 64)
    public String closedBy;
    @Version
    public long version;
}
