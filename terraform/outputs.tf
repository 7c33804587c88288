output "cluster_name" {
  value = google_container_cluster.emergency.name
}

output "controller_service_account" {
  value = google_service_account.failover_controller.email
}

output "image_repository" {
  value = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.images.repository_id}"
}

output "cloud_fallback_service_account" {
  value = google_service_account.cloud_fallback.email
}

output "vpn_gateway_interfaces" {
  description = "The two Google-side VPN addresses to configure on the hospital's endpoints."
  value       = google_compute_ha_vpn_gateway.hospital.vpn_interfaces[*].ip_address
}
