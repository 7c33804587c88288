# Who may do what. The on-prem failover controller only connects to the cluster: a custom role
# with the one permission `gcloud container clusters get-credentials` needs; inside the cluster
# Kubernetes RBAC (k8s/base/activator-rbac.yaml, bound to this account's e-mail in
# k8s/overlays/gke/activator-binding.yaml) narrows it to scaling cloud-fallback and promoting the
# standby.
resource "google_service_account" "failover_controller" {
  account_id   = "failover-controller"
  display_name = "Prontuário Edge failover controller (on-prem)"
}

resource "google_project_iam_custom_role" "cluster_connect" {
  role_id     = "prontuarioClusterConnect"
  title       = "Connect to the emergency cluster"
  description = "Fetch the cluster's endpoint; everything else is Kubernetes RBAC."
  permissions = ["container.clusters.get"]
}

resource "google_project_iam_member" "controller_cluster_connect" {
  project = var.project_id
  role    = google_project_iam_custom_role.cluster_connect.id
  member  = "serviceAccount:${google_service_account.failover_controller.email}"
}

# cloud-fallback's pods act as this account through Workload Identity (no key anywhere): it reads
# its own secrets in Secret Manager and nothing else.
resource "google_service_account" "cloud_fallback" {
  account_id   = "cloud-fallback"
  display_name = "Prontuário Edge cloud-fallback (GKE pods)"
}

resource "google_service_account_iam_member" "cloud_fallback_workload_identity" {
  service_account_id = google_service_account.cloud_fallback.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[prontuario-emergency/cloud-fallback]"
}

# The nodes pull images from the site's registry only.
resource "google_artifact_registry_repository_iam_member" "nodes_pull" {
  location   = var.region
  repository = google_artifact_registry_repository.images.name
  role       = "roles/artifactregistry.reader"
  member     = "serviceAccount:${data.google_project.this.number}-compute@developer.gserviceaccount.com"
}

data "google_project" "this" {
  project_id = var.project_id
}
