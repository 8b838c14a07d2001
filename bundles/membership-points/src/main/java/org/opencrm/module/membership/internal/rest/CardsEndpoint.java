package org.opencrm.module.membership.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.module.membership.internal.dto.CardData;
import org.opencrm.module.membership.internal.dto.CardRequest;
import org.opencrm.module.membership.internal.service.CardService;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** /api/v1/cards: issue a card (or a child card) and its life: activate, report-lost, found, replace, cancel. */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class CardsEndpoint implements ModuleEndpoint {
    private final CardService cards;

    @Activate
    public CardsEndpoint(@Reference CardService cards) {
        this.cards = cards;
    }

    @Override
    public String path() {
        return "cards";
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "issueCard", status = 201, returns = CardData.class, summary = "Issue a card (or a child card)")
    public Response issue(CardRequest body, @Context SecurityContext sc) {
        return Response.status(201).entity(cards.issue(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    @GET
    @Path("{number}")
    @ApiDoc("getCard")
    public CardData get(@PathParam("number") String number, @Context SecurityContext sc) {
        return cards.get(RestSupport.user(sc), number);
    }

    @POST
    @Path("{number}/activate")
    @ApiDoc(value = "activateCard", bodyRequired = false)
    public CardData activate(@PathParam("number") String number, NoteRequest body, @Context SecurityContext sc) {
        return cards.activate(RestSupport.user(sc), number, note(body));
    }

    @POST
    @Path("{number}/report-lost")
    @ApiDoc(value = "reportCardLost", bodyRequired = false)
    public CardData reportLost(@PathParam("number") String number, NoteRequest body, @Context SecurityContext sc) {
        return cards.reportLost(RestSupport.user(sc), number, note(body));
    }

    @POST
    @Path("{number}/found")
    @ApiDoc(value = "reportCardFound", bodyRequired = false)
    public CardData found(@PathParam("number") String number, NoteRequest body, @Context SecurityContext sc) {
        return cards.found(RestSupport.user(sc), number, note(body));
    }

    /** Answers the new card (201). */
    @POST
    @Path("{number}/replace")
    @ApiDoc(value = "replaceCard", status = 201, returns = CardData.class, bodyRequired = false, summary = "Replace a card (answers the new card)")
    public Response replace(@PathParam("number") String number, NoteRequest body, @Context SecurityContext sc) {
        return Response.status(201).entity(cards.replace(RestSupport.user(sc), number, note(body))).build();
    }

    @POST
    @Path("{number}/cancel")
    @ApiDoc(value = "cancelCard", bodyRequired = false)
    public CardData cancel(@PathParam("number") String number, NoteRequest body, @Context SecurityContext sc) {
        return cards.cancel(RestSupport.user(sc), number, note(body));
    }

    private static String note(NoteRequest body) {
        return body == null || body.note() == null || body.note().isBlank() ? null : body.note().strip();
    }
}
