package org.opencrm.module.audit.internal.service;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PayloadTooLargeException;

/**
 * Photo checks: JPEG or PNG by content (the file's signature, then a full decode: a renamed or damaged file is
 * refused), at most the configured size; and a JPEG thumbnail. Whatever the client says the type is does not count.
 */
public final class Photos {
    public static final int THUMBNAIL_EDGE = 240;

    /** A checked photo: its real type, size in pixels, and thumbnail. */
    public record Checked(String contentType, int width, int height, byte[] thumbnail) {
    }

    private Photos() {
    }

    public static Checked check(byte[] bytes, long maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "the photo is empty", "audit.photoEmpty");
        }
        if (bytes.length > maxBytes) {
            throw new PayloadTooLargeException("file", maxBytes, "photo");
        }
        String type = sniff(bytes);
        if (type == null) {
            throw new InvalidInputException("file", "a photo must be a JPEG or PNG image", "audit.photoType");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
            throw new InvalidInputException("file", "the photo cannot be read as a " + type + " image", "audit.photoDamaged");
        }
        return new Checked(type, image.getWidth(), image.getHeight(), thumbnail(image));
    }

    /** image/jpeg or image/png by the first bytes; null for anything else. */
    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A
                && b[7] == 0x0A) {
            return "image/png";
        }
        return null;
    }

    static byte[] thumbnail(BufferedImage image) {
        double scale = Math.min(1.0, (double) THUMBNAIL_EDGE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(thumb, "jpg", out);
        } catch (IOException e) {
            throw new IllegalStateException("thumbnail", e);
        }
        return out.toByteArray();
    }
}
