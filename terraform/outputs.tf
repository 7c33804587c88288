output "cluster_name" {
  value = google_container_cluster.emergency.name
}

output "controller_service_account" {
  value = google_service_account.failover_controller.email
}

output "image_repository" {
  value = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.images.repository_id}"
}
