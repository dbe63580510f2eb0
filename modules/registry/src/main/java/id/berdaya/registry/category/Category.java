package id.berdaya.registry.category;

/** A PPKS category (Permensos 08/2012 number and name). */
public record Category(int id, int number, String name, boolean active) {

    public String label() {
        return number + ". " + name;
    }
}
