variable "project_id" {
  description = "GCP project that hosts the emergency deployment."
  type        = string
}

variable "region" {
  description = "Brazilian region: patient data stays in Brazil (LGPD, seed 004 'residência dados brasileira')."
  type        = string
  default     = "southamerica-east1"
}

variable "hospital_egress_cidrs" {
  description = "Public addresses of the hospital's internet links; only they reach the GKE control plane and the standby's replication port."
  type        = list(string)
}

variable "use_cloud_sql" {
  description = "Documented alternative: a Cloud SQL PostgreSQL replica instead of the Patroni standby cluster on GKE. Off: failback and fork-point accounting are built around the Patroni standby."
  type        = bool
  default     = false
}
