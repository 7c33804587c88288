# Cloud NAT is OFF by default: private nodes need nothing from the internet (images come from the
# site's Artifact Registry, Google APIs through Private Google Access, the edge over the VPN).
# Turn it on only for a deliberate reason; egress then leaves Brazil's region from a Google address.
resource "google_compute_router" "nat" {
  count   = var.enable_cloud_nat ? 1 : 0
  name    = "prontuario-nat"
  region  = var.region
  network = google_compute_network.emergency.id
}

resource "google_compute_router_nat" "nat" {
  count                              = var.enable_cloud_nat ? 1 : 0
  name                               = "prontuario-nat"
  region                             = var.region
  router                             = google_compute_router.nat[0].name
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"

  log_config {
    enable = true
    filter = "ERRORS_ONLY"
  }
}
