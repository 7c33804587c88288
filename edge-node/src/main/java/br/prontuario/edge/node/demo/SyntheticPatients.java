package br.prontuario.edge.node.demo;

import br.prontuario.edge.node.patient.Cns;
import br.prontuario.edge.node.patient.Cpf;
import java.time.LocalDate;
import java.util.List;

/** Deterministic, obviously fictional patients: the n-th is always the same person. */
final class SyntheticPatients {

  private static final List<String> FIRST = List.of("Ana", "João", "Maria", "José", "Francisca",
      "Antônio", "Adriana", "Carlos", "Juliana", "Paulo", "Márcia", "Lucas", "Fernanda", "Pedro",
      "Patrícia", "Rafael", "Aline", "Marcos", "Camila", "Luiz");
  private static final List<String> LAST = List.of("Silva", "Santos", "Oliveira", "Souza",
      "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins",
      "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa");

  private SyntheticPatients() {}

  record Synthetic(String name, LocalDate birthDate, String sex, String cpf, String cns) {}

  static Synthetic number(int n) {
    String first = FIRST.get(n % FIRST.size());
    String name = first + " " + LAST.get((n / FIRST.size()) % LAST.size()) + " "
        + LAST.get((n * 7 + 3) % LAST.size());
    LocalDate birth = LocalDate.of(1940, 1, 1).plusDays((n * 2_711L) % 29_000);
    String sex = first.endsWith("a") || first.equals("Aline") ? "female" : "male";
    String cpf = Cpf.fromBase(String.format("9%08d", n));
    return new Synthetic(name, birth, sex, cpf, Cns.provisional(900_000_000L + n));
  }
}
