"""Clients for the cloud services."""
