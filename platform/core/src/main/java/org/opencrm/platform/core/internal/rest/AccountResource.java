package org.opencrm.platform.core.internal.rest;

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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.core.internal.dto.AccountData;
import org.opencrm.platform.core.internal.model.AccountType;
import org.opencrm.platform.core.internal.service.AccountService;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.ModuleEndpoints;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** /api/v1/accounts */
@Component(service = AccountResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
    private final AccountService accounts;
    private final TimelineService timeline;
    private final TimelineWording wording;
    private final ModuleEndpoints endpoints;

    @Activate
    public AccountResource(@Reference AccountService accounts, @Reference TimelineService timeline, @Reference TimelineWording wording, @Reference ModuleEndpoints endpoints) {
        this.accounts = accounts;
        this.timeline = timeline;
        this.wording = wording;
        this.endpoints = endpoints;
    }

    /**
     * A module's endpoint on one account, e.g. /accounts/7/handsets. The account must be visible to the caller (data
     * scope), so no module can leak another partner's records through this path.
     */
    @Path("{id:\\d+}/{endpoint: [a-z][a-z0-9-]*}")
    public ModuleEndpoint moduleEndpoint(@PathParam("id") long id, @PathParam("endpoint") String endpoint, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        ModuleEndpoint found = endpoints.require(ModuleEndpoint.Attach.ACCOUNT, endpoint);
        accounts.get(user, id);
        return found;
    }

    @GET
    @ApiDoc(value = "listAccounts", summary = "Search accounts", params = @ApiDoc.Param(name = "type", type = AccountType.class))
    public Page<AccountData> search(@QueryParam("q") String q, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("type") String type, @QueryParam("parentId") Long parentId,
            @Context SecurityContext sc) {
        AccountType t = null;
        if (type != null && !type.isBlank()) {
            try {
                t = AccountType.valueOf(type.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("type", "'" + type + "' is not one of " + java.util.Arrays.toString(AccountType.values()), "notOneOf", type, java.util.Arrays.toString(AccountType.values()));
            }
        }
        return accounts.search(RestSupport.user(sc), PageRequest.of(q, offset, limit), t, parentId);
    }

    @GET
    @Path("{id:\\d+}")
    @ApiDoc("getAccount")
    public AccountData get(@PathParam("id") long id, @Context SecurityContext sc) {
        return accounts.get(RestSupport.user(sc), id);
    }

    @GET
    @Path("{id:\\d+}/children")
    @ApiDoc(value = "listAccountChildren", summary = "An account's direct children")
    public Page<AccountData> children(@PathParam("id") long id, @QueryParam("q") String q, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return accounts.children(RestSupport.user(sc), id, PageRequest.of(q, offset, limit));
    }

    @GET
    @Path("{id:\\d+}/timeline")
    @ApiDoc(value = "getAccountTimeline", summary = "An account's timeline, newest first; titles in the language of Accept-Language (English by default)")
    public Page<TimelineEntry> timeline(@PathParam("id") long id, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context HttpHeaders headers, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        user.require("core.timeline.read");
        accounts.get(user, id);
        PageRequest page = PageRequest.of(null, offset, limit);
        return wording.said(timeline.forAccount(id, page.offset(), page.limit()), RestSupport.language(headers));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createAccount", status = 201, returns = AccountData.class)
    public Response create(AccountData body, @Context SecurityContext sc) {
        return Response.status(201).entity(accounts.create(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    @PUT
    @Path("{id:\\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "updateAccount", summary = "Update an account (send the version you read)")
    public AccountData update(@PathParam("id") long id, AccountData body, @Context SecurityContext sc) {
        return accounts.update(RestSupport.user(sc), id, RestSupport.body(body));
    }

    @DELETE
    @Path("{id:\\d+}")
    @ApiDoc(value = "deleteAccount", status = 204, summary = "Delete an account (send the version you read)")
    public Response delete(@PathParam("id") long id, @QueryParam("version") Long version, @Context SecurityContext sc) {
        accounts.delete(RestSupport.user(sc), id, version);
        return Response.noContent().build();
    }
}
