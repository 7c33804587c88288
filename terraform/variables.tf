variable "project_id" {
  description = "GCP project that hosts the emergency deployment."
  type        = string
}

variable "region" {
  description = "Brazilian region: patient data stays in Brazil (LGPD, seed 004 'residência dados brasileira')."
  type        = string
  default     = "southamerica-east1"

  validation {
    condition     = var.region == "southamerica-east1"
    error_message = "The emergency site holds patient data: it runs in southamerica-east1 (São Paulo) only."
  }
}

variable "hospital_egress_cidrs" {
  description = "Public addresses of the hospital's internet links; only they reach the GKE control plane."
  type        = list(string)
}

variable "hospital_cidrs" {
  description = "The hospital's internal ranges routed over the VPN (the witness host with HAProxy and the replication gateway, the nodes running the controller)."
  type        = list(string)
}

variable "hospital_vpn_peer_ips" {
  description = "Public addresses of the hospital's two VPN endpoints."
  type        = list(string)

  validation {
    condition     = length(var.hospital_vpn_peer_ips) == 2
    error_message = "HA VPN with TWO_IPS_REDUNDANCY needs the hospital's two endpoint addresses."
  }
}

variable "vpn_shared_secret" {
  description = "IKE shared secret of both tunnels (pass with TF_VAR_vpn_shared_secret; also configured on the hospital's VPN endpoints)."
  type        = string
  sensitive   = true
}

variable "cloud_bgp_asn" {
  description = "Private ASN of the Cloud Router."
  type        = number
  default     = 64514
}

variable "hospital_bgp_asn" {
  description = "Private ASN of the hospital's VPN endpoints."
  type        = number
  default     = 64515
}

variable "enable_cloud_nat" {
  description = "Internet egress for private nodes. Off: nothing in the site needs it."
  type        = bool
  default     = false
}

variable "alert_notification_channels" {
  description = "Cloud Monitoring notification channel ids for GCPFallbackActivated (the on-call IT team)."
  type        = list(string)
  default     = []
}

variable "use_cloud_sql" {
  description = "Documented alternative: a Cloud SQL PostgreSQL replica instead of the Patroni standby cluster on GKE. Off: failback and fork-point accounting are built around the Patroni standby (docs/adr/0004)."
  type        = bool
  default     = false
}
