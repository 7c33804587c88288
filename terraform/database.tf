# Documented alternative to the Patroni standby cluster on GKE (docs/adr/0004): off by default.
# Private IP only: the database never has a public address.
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
