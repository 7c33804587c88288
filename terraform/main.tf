# The emergency deployment: a private GKE Autopilot cluster in a Brazilian region, an Artifact
# Registry for the images, and the identity the on-prem failover controller uses to scale the
# cloud-fallback Deployment. Nothing here serves traffic until activation.

resource "google_compute_network" "emergency" {
  name                    = "prontuario-emergency"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "emergency" {
  name                     = "prontuario-emergency"
  network                  = google_compute_network.emergency.id
  region                   = var.region
  ip_cidr_range            = "10.40.0.0/20"
  private_ip_google_access = true

  secondary_ip_range {
    range_name    = "pods"
    ip_cidr_range = "10.44.0.0/14"
  }
  secondary_ip_range {
    range_name    = "services"
    ip_cidr_range = "10.48.0.0/20"
  }
}

resource "google_container_cluster" "emergency" {
  name             = "prontuario-emergency"
  location         = var.region
  enable_autopilot = true
  network          = google_compute_network.emergency.id
  subnetwork       = google_compute_subnetwork.emergency.id

  ip_allocation_policy {
    cluster_secondary_range_name  = "pods"
    services_secondary_range_name = "services"
  }

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = "172.16.40.0/28"
  }

  master_authorized_networks_config {
    dynamic "cidr_blocks" {
      for_each = var.hospital_egress_cidrs
      content {
        cidr_block   = cidr_blocks.value
        display_name = "hospital"
      }
    }
  }

  deletion_protection = true
}

resource "google_artifact_registry_repository" "images" {
  location      = var.region
  repository_id = "prontuario"
  format        = "DOCKER"
}

# The on-prem controller's identity: it may only reach the cluster API; Kubernetes RBAC
# (k8s/base/activator-rbac.yaml, Role fallback-activator) narrows it to scaling one Deployment.
resource "google_service_account" "failover_controller" {
  account_id   = "failover-controller"
  display_name = "Prontuário Edge failover controller (on-prem)"
}

resource "google_project_iam_member" "controller_cluster_viewer" {
  project = var.project_id
  role    = "roles/container.clusterViewer"
  member  = "serviceAccount:${google_service_account.failover_controller.email}"
}

# Documented alternative to the Patroni standby cluster on GKE.
resource "google_sql_database_instance" "standby" {
  count            = var.use_cloud_sql ? 1 : 0
  name             = "prontuario-standby"
  region           = var.region
  database_version = "POSTGRES_15"

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"
    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.emergency.id
    }
    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
  deletion_protection = true
}
