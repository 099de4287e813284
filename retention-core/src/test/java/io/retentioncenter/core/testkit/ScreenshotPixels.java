package io.retentioncenter.core.testkit;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * What a screenshot shows, counted on every second pixel of every second row: its width, how many
 * distinct colours it has and which share of it differs from the page's background colours. A blank
 * page has one colour and no drawn share.
 *
 * @param width the image's width in pixels
 * @param distinctColours the distinct RGB colours sampled
 * @param drawnShare the share of sampled pixels that are none of the background colours
 */
public record ScreenshotPixels(int width, int distinctColours, double drawnShare) {

    /** Counts the PNG {@code png}; {@code backgrounds} are RGB colours (0xRRGGBB) that count as undrawn. */
    public static ScreenshotPixels of(byte[] png, int... backgrounds) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Set<Integer> colours = new HashSet<>();
        Set<Integer> undrawn = new HashSet<>();
        for (int background : backgrounds) {
            undrawn.add(background);
        }
        long drawn = 0;
        long sampled = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                sampled++;
                if (!undrawn.contains(rgb)) {
                    drawn++;
                }
            }
        }
        return new ScreenshotPixels(image.getWidth(), colours.size(), sampled == 0 ? 0 : (double) drawn / sampled);
    }
}
