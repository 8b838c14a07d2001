package org.opencrm.platform.core.internal.rest;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.csv.ImportLimits;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.dto.ImportData;
import org.opencrm.platform.core.internal.dto.ImportReport;
import org.opencrm.platform.core.internal.dto.MergeRequest;
import org.opencrm.platform.core.internal.service.ContactImports;
import org.opencrm.platform.core.internal.service.ContactService;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.ModuleEndpoints;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** /api/v1/contacts, with CSV import (recorded under /contacts/imports: resume, rollback) and export */
@Component(service = ContactResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {
    private final ContactService contacts;
    private final ContactImports imports;
    private final ImportLimits limits;
    private final TimelineService timeline;
    private final TimelineWording wording;
    private final ModuleEndpoints endpoints;

    @Activate
    public ContactResource(@Reference ContactService contacts, @Reference ContactImports imports, @Reference ImportLimits limits,
            @Reference TimelineService timeline, @Reference TimelineWording wording, @Reference ModuleEndpoints endpoints) {
        this.contacts = contacts;
        this.imports = imports;
        this.limits = limits;
        this.timeline = timeline;
        this.wording = wording;
        this.endpoints = endpoints;
    }

    /**
     * A module's endpoint on one contact, e.g. /contacts/7/handsets. The contact must be visible to the caller (data
     * scope), so no module can leak another partner's records through this path.
     */
    @Path("{id:\\d+}/{endpoint: [a-z][a-z0-9-]*}")
    public ModuleEndpoint moduleEndpoint(@PathParam("id") long id, @PathParam("endpoint") String endpoint, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        ModuleEndpoint found = endpoints.require(ModuleEndpoint.Attach.CONTACT, endpoint);
        contacts.get(user, id);
        return found;
    }

    @GET
    @ApiDoc(value = "listContacts", summary = "Search contacts", description = "q: digits match a mobile prefix, with @ an e-mail prefix, else a name prefix.")
    public Page<ContactData> search(@QueryParam("q") String q, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("accountId") Long accountId, @QueryParam("tag") String tag,
            @Context SecurityContext sc) {
        return contacts.search(RestSupport.user(sc), PageRequest.of(q, offset, limit), accountId, tag);
    }

    @GET
    @Path("{id:\\d+}")
    @ApiDoc("getContact")
    public ContactData get(@PathParam("id") long id, @Context SecurityContext sc) {
        return contacts.get(RestSupport.user(sc), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createContact", status = 201, returns = ContactData.class)
    public Response create(ContactData body, @Context SecurityContext sc) {
        return Response.status(201).entity(contacts.create(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    @PUT
    @Path("{id:\\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "updateContact", summary = "Update a contact (send the version you read)")
    public ContactData update(@PathParam("id") long id, ContactData body, @Context SecurityContext sc) {
        return contacts.update(RestSupport.user(sc), id, RestSupport.body(body));
    }

    /** 409 {@code contact_referenced} naming what refers to the contact, in the caller's language (Accept-Language). */
    @DELETE
    @Path("{id:\\d+}")
    @ApiDoc(value = "deleteContact", status = 204, summary = "Delete a contact (send the version you read)")
    public Response delete(@PathParam("id") long id, @QueryParam("version") Long version, @Context HttpHeaders headers, @Context SecurityContext sc) {
        contacts.delete(RestSupport.user(sc), id, version, language(headers));
        return Response.noContent().build();
    }

    private static Locale language(HttpHeaders headers) {
        List<Locale> wanted = headers == null ? List.of() : headers.getAcceptableLanguages();
        return wanted.isEmpty() || "*".equals(wanted.get(0).getLanguage()) ? Locale.ENGLISH : wanted.get(0);
    }

    @GET
    @Path("{id:\\d+}/timeline")
    @ApiDoc(value = "getContactTimeline", summary = "A contact's timeline, newest first; titles in the language of Accept-Language (English by default)")
    public Page<TimelineEntry> timeline(@PathParam("id") long id, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context HttpHeaders headers, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        user.require("core.timeline.read");
        contacts.get(user, id); // scope check
        PageRequest page = PageRequest.of(null, offset, limit);
        return wording.said(timeline.forContact(id, page.offset(), page.limit()), RestSupport.language(headers));
    }

    @GET
    @Path("{id:\\d+}/duplicates")
    @ApiDoc(value = "listContactDuplicates", summary = "Likely duplicates of a contact")
    public Page<ContactData> duplicates(@PathParam("id") long id, @Context SecurityContext sc) {
        List<ContactData> found = contacts.duplicates(RestSupport.user(sc), id);
        return new Page<>(found, found.size());
    }

    @POST
    @Path("merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "mergeContacts", summary = "Merge a duplicate (source) into a contact (target)")
    public ContactData merge(MergeRequest body, @Context SecurityContext sc) {
        MergeRequest m = RestSupport.body(body);
        return contacts.merge(RestSupport.user(sc), m.targetId(), m.sourceId());
    }

    @POST
    @Path("import")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM })
    @ApiDoc(value = "importContacts", summary = "Import contacts from CSV (header row; per-row error report)")
    public ImportReport importCsv(InputStream body, @Context HttpHeaders headers, @Context SecurityContext sc) {
        return imports.importCsv(permitted(sc, headers), csv(body));
    }

    /** The importer, checked before a byte is read: permissions, then the declared length against the limit (413). */
    private CrmUser permitted(SecurityContext sc, HttpHeaders headers) {
        CrmUser user = RestSupport.user(sc);
        user.require("core.contact.write");
        user.require("core.contact.export");
        limits.checkLength(headers.getLength());
        return user;
    }

    /** The body as UTF-8 text, read through the size limit: a larger body stops with 413 once the limit is passed. */
    private Reader csv(InputStream body) {
        return new InputStreamReader(limits.limit(body), StandardCharsets.UTF_8);
    }

    /** Recorded imports (HQ: all; others: their own), newest first; {@code status} e.g. INTERRUPTED. */
    @GET
    @Path("imports")
    @ApiDoc(value = "listContactImports", summary = "Recorded contact imports, newest first")
    public Page<ImportData> imports(@QueryParam("status") String status, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return imports.list(RestSupport.user(sc), status, PageRequest.of(null, offset, limit));
    }

    @GET
    @Path("imports/{importId:\\d+}")
    @ApiDoc(value = "getContactImport", summary = "One recorded import")
    public ImportData importRecord(@PathParam("importId") long id, @Context SecurityContext sc) {
        return imports.get(RestSupport.user(sc), id);
    }

    /** Continues an interrupted or failed import: the same file again; the lines already saved are skipped. */
    @POST
    @Path("imports/{importId:\\d+}/resume")
    @ApiDoc(value = "resumeContactImport", summary = "Continue an interrupted import with the same file")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM })
    public ImportReport resume(@PathParam("importId") long id, InputStream body, @Context HttpHeaders headers, @Context SecurityContext sc) {
        return imports.resume(permitted(sc, headers), id, csv(body));
    }

    /** Deletes the contacts an import created (those changed since, or referred to, are kept and counted). */
    @POST
    @Path("imports/{importId:\\d+}/rollback")
    @ApiDoc(value = "rollbackContactImport", summary = "Delete the contacts an import created")
    public ImportData rollback(@PathParam("importId") long id, @Context SecurityContext sc) {
        return imports.rollback(RestSupport.user(sc), id);
    }

    @GET
    @Path("export")
    @Produces("text/csv; charset=UTF-8")
    @ApiDoc(value = "exportContacts", summary = "Export contacts as CSV", returns = String.class)
    public Response export(@QueryParam("q") String q, @QueryParam("accountId") Long accountId, @QueryParam("tag") String tag,
            @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        user.require("core.contact.export"); // fail with 403 before the 200 header is sent
        StreamingOutput out = os -> contacts.exportCsv(user, q == null || q.isBlank() ? null : q.strip(), accountId, tag,
                new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8)));
        return Response.ok(out).header("Content-Disposition", "attachment; filename=\"contacts.csv\"").build();
    }
}
