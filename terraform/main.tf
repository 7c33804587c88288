# The emergency deployment: a private GKE Autopilot cluster in a Brazilian region and an Artifact
# Registry for the images. The link to the hospital is vpn.tf, secrets secrets.tf, identities
# identity.tf, the alert monitoring.tf. Nothing here serves clinicians until activation.

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

  release_channel {
    channel = "REGULAR"
  }

  # pods act as Google service accounts (identity.tf) without keys
  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }

  # nodes have no public address; what they reach outside Google goes through the VPN (or
  # Cloud NAT, off by default: nat.tf)
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

