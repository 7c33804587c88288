package br.prontuario.edge.cloud.alert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new critical alert; the kinds and the label rule are edge-node's. */
record AlertRequest(
    @NotNull @Pattern(regexp = "severe-allergy|critical-lab-value|fall-risk|other") String kind,
    @NotBlank @Size(max = 500) @Pattern(regexp = "^[^<>;{}\\\\\\p{Cntrl}]*$") String message) {}
