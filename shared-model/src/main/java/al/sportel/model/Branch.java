package al.sportel.model;

public record Branch(String code, String name, String city, String address) {
}
