import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * {@code java Screenshot.java OUT.png}: the whole X screen as a PNG (run inside xvfb-run). Fails when
 * the screen is nearly one colour, which means no window was drawn.
 */
public class Screenshot {
    public static void main(String[] args) throws Exception {
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        BufferedImage image = new Robot().createScreenCapture(screen);
        ImageIO.write(image, "png", new File(args[0]));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        System.out.println("screenshot " + args[0] + ": " + image.getWidth() + "x" + image.getHeight() + ", " + colours.size() + " colours");
        if (colours.size() < 20) {
            System.err.println("the screen is blank: no window was drawn");
            System.exit(1);
        }
    }
}
