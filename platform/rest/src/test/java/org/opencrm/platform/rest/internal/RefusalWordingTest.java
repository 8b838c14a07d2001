package org.opencrm.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.rest.ApiError;
import org.opencrm.platform.rest.RefusalTexts;

class RefusalWordingTest {
    private static final RefusalTexts SAMPLE = () -> "org.opencrm.platform.rest.internal.refusals";
    private static final RefusalTexts NONE = () -> "org.opencrm.platform.rest.internal.noSuchBundle";

    @Test
    void chineseWhenAskedForAndWorded() {
        InvalidInputException e = new InvalidInputException("photos", "at most 5 photos", "sample.tooMany", 5);
        assertEquals("photos：最多 5 张照片。", RefusalWording.message(e, Locale.SIMPLIFIED_CHINESE, List.of(NONE, SAMPLE)));
    }

    @Test
    void aCatalogueEntryAmongTheArgumentsIsSaidByTheSameTexts() {
        InvalidInputException e = new InvalidInputException("imei", "unit 1 is SOLD", "sample.wrongStatus", "1", "status.SOLD");
        assertEquals("手机 1 当前状态为“已售出”。", RefusalWording.message(e, Locale.SIMPLIFIED_CHINESE, List.of(SAMPLE)));
        InvalidInputException unknown = new InvalidInputException("imei", "unit 1 is X", "sample.wrongStatus", "1", "status.LOST");
        assertEquals("手机 1 当前状态为“status.LOST”。", RefusalWording.message(unknown, Locale.SIMPLIFIED_CHINESE, List.of(SAMPLE)),
                "an entry the texts do not have stays as given");
    }

    @Test
    void aRecordTypeNotFoundIsNamedInTheCallersLanguage() {
        assertEquals("未找到维修单 5。", RefusalWording.message(new org.opencrm.platform.api.RecordNotFoundException("repair order", 5),
                Locale.SIMPLIFIED_CHINESE, List.of(NONE, SAMPLE)));
        assertEquals("未找到parcel 5。", RefusalWording.message(new org.opencrm.platform.api.RecordNotFoundException("parcel", 5),
                Locale.SIMPLIFIED_CHINESE, List.of(SAMPLE)), "a type no texts name stays as given");
    }

    @Test
    void aNotFoundOfAnyKindNamesItsRecordType() {
        // an id in a request body that names no record: the same wording and record name as a RecordNotFoundException
        InvalidInputException e = new InvalidInputException("orderId", "repair order 5 does not exist", "notFound", "repair order", 5);
        assertEquals("未找到维修单 5。", RefusalWording.message(e, Locale.SIMPLIFIED_CHINESE, List.of(SAMPLE)));
    }

    @Test
    void aModulesWordingComesBeforeThePlatforms() {
        // the platform's texts registered first (platform-rest starts before any module) still come last
        assertEquals("未找到维修单 5。", RefusalWording.message(new org.opencrm.platform.api.RecordNotFoundException("repair order", 5),
                Locale.SIMPLIFIED_CHINESE, List.of(new PlatformRefusals(), SAMPLE)));
        assertEquals("请填写“name”。", RefusalWording.message(new InvalidInputException("name", "name is required", "required"),
                Locale.SIMPLIFIED_CHINESE, List.of(new PlatformRefusals(), SAMPLE)), "what only the platform words, it words");
    }

    @Test
    void englishKeepsTheServiceMessage() {
        InvalidInputException e = new InvalidInputException("photos", "at most 5 photos", "sample.tooMany", 5);
        assertEquals("at most 5 photos", RefusalWording.message(e, Locale.ENGLISH, List.of(SAMPLE)));
    }

    @Test
    void aKeyNobodyWordsKeepsTheServiceMessage() {
        InvalidInputException e = new InvalidInputException("x", "x is odd", "sample.unknown");
        assertEquals("x is odd", RefusalWording.message(e, Locale.SIMPLIFIED_CHINESE, List.of(SAMPLE, NONE)));
        assertEquals("x is odd", RefusalWording.message(new InvalidInputException("x", "x is odd"), Locale.SIMPLIFIED_CHINESE, List.of(SAMPLE)));
    }

    @Test
    void theFirstLanguageTheApiSpeaks() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, RefusalWording.language(List.of(Locale.forLanguageTag("zh-CN"), Locale.ENGLISH)));
        assertEquals(Locale.SIMPLIFIED_CHINESE, RefusalWording.language(List.of(Locale.FRENCH, Locale.forLanguageTag("zh"))));
        assertEquals(Locale.ENGLISH, RefusalWording.language(List.of(Locale.forLanguageTag("en-US"), Locale.forLanguageTag("zh-CN"))));
        assertEquals(Locale.ENGLISH, RefusalWording.language(List.of(new Locale("*"))));
        assertEquals(Locale.ENGLISH, RefusalWording.language(null));
    }

    @Test
    void theErrorMapperAnswersWithTheKey() throws Exception {
        ErrorMapper mapper = new ErrorMapper();
        mapper.addTexts(SAMPLE);
        // the body is the JSON text itself (see Json.text): read back as the client reads it
        ApiError body = Json.newMapper().readValue((String) mapper.toResponse(new InvalidInputException("photos", "at most 5 photos", "sample.tooMany", 5))
                .getEntity(), ApiError.class);
        assertEquals(new ApiError("invalid_input", "at most 5 photos", "photos", "sample.tooMany"), body);
    }
}
